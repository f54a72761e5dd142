import type { ServiceChannel } from '../../../../shared/domain/catalogue';
import { FieldError } from '../../lib/FieldError';
import { LabelledField } from '../../lib/LabelledField';
import { useT } from '../../lib/i18n';
import { QaFields } from './QaFields';
import type { FormErrors, ServiceForm } from './serviceForm';

interface Props {
  form: ServiceForm;
  errors: FormErrors;
  onChange: (form: ServiceForm) => void;
}

const channels: readonly ServiceChannel[] = ['counter', 'drive-through', 'field-visit'];

/** Every field of one service; each error beside its field, in both languages. */
export function ServiceEditForm({ form, errors, onChange }: Props) {
  const t = useT();
  const set = <K extends keyof ServiceForm>(key: K) => (value: ServiceForm[K]) => onChange({ ...form, [key]: value });
  const text = (key: 'id' | 'taxType' | 'nameZh' | 'nameEn' | 'source' | 'unit' | 'filingWindow' | 'legalBasis' | 'note', maxLength: number) => (
    <LabelledField id={`cat-edit-${key}`} label={t(`catEdit.f.${key}`)} value={form[key]} maxLength={maxLength} error={errors[key]} onChange={set(key)} />
  );
  return (
    <>
      {text('id', 40)}
      {text('taxType', 40)}
      {text('nameZh', 200)}
      {text('nameEn', 300)}
      <fieldset className="cat-edit-limit">
        <legend>{t('catEdit.f.limit')}</legend>
        <LabelledField id="cat-edit-limitDays" label={t('catEdit.f.limitDays')} value={form.limitDays} maxLength={3} error={errors.limit} onChange={set('limitDays')} extra={{ inputMode: 'numeric' }} />
        <LabelledField
          id="cat-edit-limitBasis"
          label={t('catEdit.f.limitBasis')}
          value={form.limitBasis}
          options={(['immediate', 'working', 'calendar'] as const).map((basis) => ({ value: basis, label: t(`catEdit.basis.${basis}`) }))}
          onChange={(value) => set('limitBasis')(value as ServiceForm['limitBasis'])}
        />
        {text('source', 300)}
        <label>
          <input type="checkbox" checked={form.verified} onChange={(event) => set('verified')(event.target.checked)} /> {t('catEdit.f.verified')}
        </label>
      </fieldset>
      <LabelledField
        id="cat-edit-decisionLevel"
        label={t('catEdit.f.decisionLevel')}
        value={form.decisionLevel}
        placeholder={t('catEdit.byDefault')}
        options={(['officer', 'chief', 'director'] as const).map((level) => ({ value: level, label: t(`catEdit.level.${level}`) }))}
        error={errors.decisionLevel}
        onChange={(value) => set('decisionLevel')(value as ServiceForm['decisionLevel'])}
      />
      {text('unit', 16)}
      <fieldset aria-describedby={errors.channels ? 'cat-edit-channels-error' : undefined}>
        <legend>{t('catEdit.f.channels')}</legend>
        {channels.map((channel) => (
          <label key={channel}>
            <input
              type="checkbox"
              checked={form.channels.includes(channel)}
              aria-invalid={errors.channels ? true : undefined}
              onChange={(event) => set('channels')(channels.filter((c) => (c === channel ? event.target.checked : form.channels.includes(c))))}
            />{' '}
            {t(`catEdit.channel.${channel}`)}
          </label>
        ))}
        <FieldError id="cat-edit-channels-error" message={errors.channels} />
      </fieldset>
      <LabelledField id="cat-edit-documents" label={t('catEdit.f.documents')} hint={t('catEdit.linesHint')} rows={6} value={form.documents} error={errors.documents} onChange={set('documents')} />
      <LabelledField id="cat-edit-procedure" label={t('catEdit.f.procedure')} hint={t('catEdit.linesHint')} rows={6} value={form.procedure} error={errors.procedure} onChange={set('procedure')} />
      <QaFields entries={form.qa} error={errors.qa} onChange={set('qa')} />
      {text('filingWindow', 300)}
      {text('legalBasis', 500)}
      {text('note', 500)}
    </>
  );
}
