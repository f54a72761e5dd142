import { useState, type FormEvent } from 'react';
import { deviceKindSchema } from '../../../../shared/schemas/device';
import type { DeviceKind } from '../../../../shared/schemas/device';
import type { EnrolmentCodeAnswer } from '../../../../shared/schemas/deviceAdmin';
import { translateBoth, useT, type MessageKey } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import type { ApiOptions } from '../../sync/api';
import { createEnrolmentCode } from './adminApi';
import { checkStationCode, stationRefusalOf } from './deviceForms';
import { useFormAction } from '../../lib/useFormAction';

/** The kind of device a code enrols, as one radio group: counter PC (the default) or entrance ticket kiosk. */
function DeviceKindChoice({ kind, onChange }: { kind: DeviceKind; onChange: (kind: DeviceKind) => void }) {
  const t = useT();
  return (
    <fieldset className="device-kind" aria-describedby="enrolment-kind-hint">
      <legend>{t('admin.deviceKind')}</legend>
      <span id="enrolment-kind-hint" className="hint small">
        {t('admin.deviceKindHint')}
      </span>
      {deviceKindSchema.options.map((option) => (
        <label key={option} className="checkbox">
          <input type="radio" name="enrolment-kind" value={option} checked={kind === option} onChange={() => onChange(option)} /> {t(`admin.deviceKind.${option}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** Makes a one-time enrolment code for a new counter PC or laptop, or an entrance ticket kiosk, at a new station code. */
export function EnrolmentCodeForm({ api, onCreated }: { api: ApiOptions; onCreated: (code: EnrolmentCodeAnswer) => void }) {
  const t = useT();
  const [stationCode, setStationCode] = useState('');
  const [kind, setKind] = useState<DeviceKind>('workstation');
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
    const done = await run(async () => onCreated(await createEnrolmentCode(api, checked.value, kind)));
    if (done) {
      setStationCode('');
      setKind('workstation');
    }
  }

  return (
    <form className="enrolment-code" aria-labelledby="enrolment-code-heading" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="enrolment-code-heading">{t('admin.newEnrolmentCode')}</h3>
      <DeviceKindChoice kind={kind} onChange={setKind} />
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
