import { useEffect, useState } from 'react';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { isDecided, reexaminationService, reexaminationsOf } from './reexamination';

interface Props {
  record: LocalCase;
  /** Opens another case's page. */
  onOpenCase?: ((caseId: string) => void) | undefined;
  /** Starts the re-examination intake for this decided case. */
  onReexamine?: ((caseId: string) => void) | undefined;
}

/** On a case's page: the case it re-examines, its own re-examinations, and "apply for re-examination" once decided. */
export function ReexaminationLinks({ record, onOpenCase, onReexamine }: Props) {
  const t = useT();
  const [later, setLater] = useState<{ of: string; cases: LocalCase[] }>();
  useEffect(() => {
    let cancelled = false;
    void reexaminationsOf(record).then((cases) => {
      if (!cancelled) setLater({ of: record.id, cases });
    });
    return () => {
      cancelled = true;
    };
  }, [record]);
  const reexaminations = later?.of === record.id ? later.cases : [];
  const canApply = onReexamine !== undefined && isDecided(record) && reexaminationService(getCatalogue()) !== undefined;
  const link = (caseId: string, caseNo: string) =>
    onOpenCase ? (
      <button type="button" className="link-button mono" onClick={() => onOpenCase(caseId)}>
        {caseNo}
      </button>
    ) : (
      <span className="mono">{caseNo}</span>
    );

  if (!record.relatedCase && reexaminations.length === 0 && !canApply) return null;
  return (
    <section className="reexamination" aria-labelledby="reexamination-title">
      <h3 id="reexamination-title">{t('reexam.heading')}</h3>
      {record.relatedCase && (
        <p data-testid="reexamination-of">
          {t('reexam.ofLabel')} {link(record.relatedCase.id, record.relatedCase.caseNo)}
        </p>
      )}
      {reexaminations.length > 0 && (
        <p data-testid="reexaminations">
          {t('reexam.appliedLabel')}{' '}
          {reexaminations.map((other) => (
            <span key={other.id}>{link(other.id, other.caseNo)} </span>
          ))}
        </p>
      )}
      {canApply && (
        <button type="button" onClick={() => onReexamine(record.id)}>
          {t('reexam.apply')}
        </button>
      )}
    </section>
  );
}
