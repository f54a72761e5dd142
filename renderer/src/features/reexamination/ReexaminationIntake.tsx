import { useEffect, useState } from 'react';
import { getCase } from '../../db/caseStore';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { IntakeForm } from '../intake/IntakeForm';
import { SavedBanner } from '../intake/SavedBanner';
import { reexaminationIntake, reexaminationService } from './reexamination';

interface Props {
  /** The decided case to re-examine. */
  caseId: string;
  onSaved: (record: LocalCase) => void;
  onBack: () => void;
}

/**
 * The intake of a re-examination (複查): the re-examination service and the decided case's applicant,
 * filled in and linked. Once saved the form gives way to the saved case's banner (its receipt), so the
 * link to the decided case cannot ride along on a next, unrelated case.
 */
export function ReexaminationIntake({ caseId, onSaved, onBack }: Props) {
  const t = useT();
  const [decided, setDecided] = useState<LocalCase | null>();
  const [made, setMade] = useState<LocalCase>();
  useEffect(() => {
    let cancelled = false;
    void getCase(caseId).then((found) => {
      if (!cancelled) setDecided(found ?? null);
    });
    return () => {
      cancelled = true;
    };
  }, [caseId]);
  const service = reexaminationService(getCatalogue());

  if (decided === undefined) return <p role="status">{t('loading')}</p>;
  const start = decided && service ? reexaminationIntake(decided, service) : undefined;
  return (
    <section aria-label={t('reexam.title')}>
      <button type="button" className="link-button" onClick={onBack}>
        {t('reexam.back')}
      </button>
      {made ? (
        <SavedBanner saved={made} />
      ) : start ? (
        <IntakeForm
          title={t('reexam.title')}
          draftScope={`reexamination:${caseId}`}
          initialFields={start.initialFields}
          relatedCase={start.relatedCase}
          onSaved={(record) => {
            setMade(record);
            onSaved(record);
          }}
        />
      ) : (
        <p role="alert">{t('noCases')}</p>
      )}
    </section>
  );
}
