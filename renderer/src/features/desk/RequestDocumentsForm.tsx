import { useState } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { documentLabel, findService } from '../../../../shared/domain/catalogue';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../../shared/schemas/case';
import { FieldError } from '../../lib/FieldError';
import { translateBoth, useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import { getCatalogue, referenceFor } from '../../lib/referenceData';
import { DateField } from '../dates/DateField';
import { missingDocuments, supplementDeadline } from '../notice/deficiency';
import { StepForm, type StepFormProps } from './StepForm';

/**
 * The standard deadline from today on the calendar the case names, or none when today is beyond it
 * (the officer types one).
 */
function defaultDeadline(today: string, record: CaseRecord): string {
  try {
    return supplementDeadline(today, referenceFor(record.versions).calendar);
  } catch {
    return '';
  }
}

/**
 * 補正: every missing item at once (行政程序法 §51 allows one request), picked from the service's
 * documents and the case's checklist or written in, with the date to supplement by. The panel prints
 * the notice once the step is stored.
 */
export function RequestDocumentsForm({ record, busy, onStep, onCancel }: StepFormProps & { record: CaseRecord }) {
  const t = useT();
  const today = taipeiDate(new Date());
  const service = findService(getCatalogue(), record.serviceId);
  const candidates = [...new Set([...(service?.documents ?? []).map(documentLabel), ...record.checklist.map((item) => item.document)])];
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(missingDocuments(record.checklist)));
  const [other, setOther] = useState('');
  const [supplementBy, setSupplementBy] = useState(() => defaultDeadline(today, record));
  const [errors, setErrors] = useState<{ missing?: Bilingual; date?: Bilingual }>({});

  function submit() {
    const missing = [...new Set([...candidates.filter((doc) => chosen.has(doc)), ...other.split('\n').map((line) => line.trim()).filter(Boolean)])];
    const found = {
      ...(missing.length === 0 ? { missing: translateBoth('steps.chooseMissing') } : {}),
      ...(supplementBy === '' ? { date: translateBoth('steps.required') } : supplementBy < today ? { date: translateBoth('steps.supplementPast') } : {}),
    };
    setErrors(found);
    if (!found.missing && !found.date) void onStep({ action: 'request-documents', missing, supplementBy });
  }

  return (
    <StepForm label={t('steps.request-documents')} submitLabel={t('steps.requestAndPrint')} busy={busy} onSubmit={submit} onCancel={onCancel}>
      <fieldset aria-describedby={errors.missing ? 'desk-missing-error' : undefined}>
        <legend>{t('steps.missing')}</legend>
        {candidates.map((doc, index) => (
          <div key={doc}>
            <input
              type="checkbox"
              id={`desk-missing-${index}`}
              autoFocus={index === 0}
              checked={chosen.has(doc)}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.target.checked) next.add(doc);
                else next.delete(doc);
                setChosen(next);
              }}
            />
            <label htmlFor={`desk-missing-${index}`}>{doc}</label>
          </div>
        ))}
        <LabelledField id="desk-missing-other" label={t('steps.otherDocuments')} value={other} onChange={setOther} rows={2} />
        <FieldError id="desk-missing-error" message={errors.missing} />
      </fieldset>
      <DateField id="desk-supplement-by" label={t('steps.supplementBy')} value={supplementBy} onChange={setSupplementBy} required error={errors.date} />
    </StepForm>
  );
}
