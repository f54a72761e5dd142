import { useState, type FormEvent } from 'react';
import type { Unit } from '../../../../shared/schemas/unit';
import { useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import type { ApiOptions } from '../../sync/api';
import { checkUnit, errorWords, emptyUnitFields, refusalOf, type FieldErrors, type UnitFields } from './unitForms';
import { createUnit } from './unitsApi';
import { useFormAction } from '../../lib/useFormAction';

/** Adds a handling unit: its code (for good) and its names in both languages. */
export function NewUnitForm({ api, onAdded }: { api: ApiOptions; onAdded: (unit: Unit) => void }) {
  const t = useT();
  const [fields, setFields] = useState<UnitFields>(emptyUnitFields);
  const [errors, setErrors] = useState<FieldErrors<UnitFields>>({});
  const { saving, problem, run } = useFormAction(refusalOf, (field, key) => setErrors((current) => ({ ...current, [field]: key })));

  const set = (field: keyof UnitFields) => (value: string) => {
    setFields((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkUnit(fields);
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.new-unit [aria-invalid=true]')?.focus());
      return;
    }
    const done = await run(async () => onAdded(await createUnit(api, checked.value)));
    if (done) setFields(emptyUnitFields);
  }

  return (
    <form className="new-unit" aria-labelledby="new-unit-heading" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="new-unit-heading">{t('unit.add')}</h3>
      <LabelledField id="new-unit-code" label={t('unit.code')} hint={t('unit.codeHint')} value={fields.code} error={errorWords(errors.code)} onChange={set('code')} extra={{ maxLength: 16, autoCapitalize: 'characters' }} />
      <LabelledField id="new-unit-zh" label={t('unit.nameZh')} value={fields.nameZh} error={errorWords(errors.nameZh)} onChange={set('nameZh')} extra={{ lang: 'zh-Hant-TW' }} />
      <LabelledField id="new-unit-en" label={t('unit.nameEn')} value={fields.nameEn} error={errorWords(errors.nameEn)} onChange={set('nameEn')} extra={{ lang: 'en' }} />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" disabled={saving}>
        {saving ? t('unit.saving') : t('unit.add')}
      </button>
    </form>
  );
}
