import { useState, type FormEvent } from 'react';
import type { EnrolmentCodeAnswer } from '../../../../shared/schemas/deviceAdmin';
import { translateBoth, useT, type MessageKey } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import type { ApiOptions } from '../../sync/api';
import { createEnrolmentCode } from './adminApi';
import { checkStationCode, stationRefusalOf } from './deviceForms';
import { useFormAction } from '../../lib/useFormAction';

/** Makes a one-time enrolment code for a new counter PC or laptop at a new station code. */
export function EnrolmentCodeForm({ api, onCreated }: { api: ApiOptions; onCreated: (code: EnrolmentCodeAnswer) => void }) {
  const t = useT();
  const [stationCode, setStationCode] = useState('');
  const [error, setError] = useState<MessageKey>();
  const { saving, problem, run } = useFormAction(stationRefusalOf, (_field, key) => setError(key));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkStationCode(stationCode);
    if (!checked.ok) {
      setError(checked.error);
      document.getElementById('enrolment-station')?.focus();
      return;
    }
    const done = await run(async () => onCreated(await createEnrolmentCode(api, checked.value)));
    if (done) setStationCode('');
  }

  return (
    <form className="enrolment-code" aria-labelledby="enrolment-code-heading" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="enrolment-code-heading">{t('admin.newEnrolmentCode')}</h3>
      <LabelledField
        id="enrolment-station"
        label={t('admin.stationCode')}
        hint={t('admin.stationCodeHint')}
        value={stationCode}
        error={error ? translateBoth(error) : undefined}
        onChange={(value) => {
          setStationCode(value);
          setError(undefined);
        }}
        extra={{ maxLength: 6, autoCapitalize: 'characters' }}
      />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" disabled={saving}>
        {saving ? t('admin.saving') : t('admin.makeEnrolmentCode')}
      </button>
    </form>
  );
}
