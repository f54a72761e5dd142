import type { Dispatch, SetStateAction } from 'react';
import { useT } from '../../lib/i18n';
import { useAltShortcuts } from '../../lib/shortcuts';
import { useEarlierCases } from './useEarlierCases';
import { fieldsOfApplicant } from './fieldsOfApplicant';
import type { IntakeFields } from './validateIntake';

interface Props {
  idNumber: string;
  onFields: Dispatch<SetStateAction<IntakeFields>>;
}

/** A returning applicant: how many earlier cases this id has, and their last details offered (Alt+R). */
export function ReturningApplicant({ idNumber, onFields }: Props) {
  const t = useT();
  const earlierCases = useEarlierCases(idNumber);

  function useEarlierDetails() {
    const last = earlierCases[0];
    if (!last) return;
    // The id typed stays as typed: it is the same applicant's.
    const { idNumber: _same, ...details } = fieldsOfApplicant(last.applicant);
    onFields((f) => ({ ...f, ...details }));
    document.getElementById('intake-name')?.focus();
  }

  useAltShortcuts({ r: earlierCases.length > 0 ? useEarlierDetails : undefined });

  if (earlierCases.length === 0) return null;
  return (
    <div className="returning" data-no-enter>
      <p role="status">{t('returningApplicant', { count: earlierCases.length, caseNo: earlierCases[0]?.caseNo ?? '' })}</p>
      <button type="button" onClick={useEarlierDetails} aria-keyshortcuts="Alt+R">
        {t('useEarlierDetails')} <kbd>Alt+R</kbd>
      </button>
    </div>
  );
}
