import type { Bilingual } from '../../../../shared/domain/bilingual';
import { FieldError } from '../../lib/FieldError';
import { LabelledField } from '../../lib/LabelledField';
import { useT } from '../../lib/i18n';
import type { QaForm } from './serviceForm';

interface Props {
  entries: QaForm[];
  error: Bilingual | undefined;
  onChange: (entries: QaForm[]) => void;
}

const parts = ['id', 'qZh', 'qEn', 'aZh', 'aEn'] as const;

/** The service's Q&A entries: question and answer in both languages, added and removed one at a time. */
export function QaFields({ entries, error, onChange }: Props) {
  const t = useT();
  const change = (index: number, part: (typeof parts)[number], value: string) => onChange(entries.map((entry, i) => (i === index ? { ...entry, [part]: value } : entry)));
  return (
    <fieldset aria-describedby={error ? 'cat-edit-qa-error' : undefined}>
      <legend>{t('catEdit.f.qa')}</legend>
      {entries.map((entry, index) => (
        <fieldset key={index} className="cat-edit-qa">
          <legend>{t('catEdit.qaEntry', { n: index + 1 })}</legend>
          {parts.map((part) => (
            <LabelledField
              key={part}
              id={`cat-edit-qa-${index}-${part}`}
              label={t(`catEdit.qa.${part}`)}
              value={entry[part]}
              rows={part.startsWith('a') ? 3 : undefined}
              onChange={(value) => change(index, part, value)}
            />
          ))}
          <button type="button" onClick={() => onChange(entries.filter((_, i) => i !== index))}>
            {t('catEdit.qaRemove', { n: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...entries, { id: `qa-${entries.length + 1}`, qZh: '', qEn: '', aZh: '', aEn: '' }])}>
        {t('catEdit.qaAdd')}
      </button>
      <FieldError id="cat-edit-qa-error" message={error} />
    </fieldset>
  );
}
