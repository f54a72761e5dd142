import { useEffect, useMemo, useState } from 'react';
import { parseTaxpayerId } from '../../../../shared/domain/ids';
import { casesOfApplicant } from '../../db/caseQuery';
import type { LocalCase } from '../../db/records';

/** A returning applicant's earlier cases: those of exactly this id (never a partial match), newest first. */
export function useEarlierCases(idNumber: string): LocalCase[] {
  const [earlier, setEarlier] = useState<{ id: string; cases: LocalCase[] }>();
  const normalizedId = useMemo(() => {
    const parsed = parseTaxpayerId(idNumber);
    return parsed.ok ? parsed.normalized : undefined;
  }, [idNumber]);
  useEffect(() => {
    if (!normalizedId) return;
    let cancelled = false;
    void casesOfApplicant(normalizedId).then((cases) => {
      if (!cancelled) setEarlier({ id: normalizedId, cases });
    });
    return () => {
      cancelled = true;
    };
  }, [normalizedId]);
  return earlier && earlier.id === normalizedId ? earlier.cases : [];
}
