import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DeviceSummary } from '../../../../shared/schemas/deviceAdmin';
import { translateBoth, useT, type MessageKey } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import type { ApiOptions } from '../../sync/api';
import { revokeDevice } from './adminApi';
import { checkReason, revokeRefusalOf } from './deviceForms';
import { useFormAction } from '../../lib/useFormAction';

interface RevokeDeviceFormProps {
  api: ApiOptions;
  device: DeviceSummary;
  onRevoked: (message: string) => void;
  onCancel: () => void;
}

/** Revokes one device with a reason: refused at its next contact, it removes its taxpayer data. */
export function RevokeDeviceForm({ api, device, onRevoked, onCancel }: RevokeDeviceFormProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<MessageKey>();
  const { saving, problem, run } = useFormAction(revokeRefusalOf, (_field, key) => setError(key));
  useEffect(() => heading.current?.focus(), [device.id]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkReason(reason);
    if (!checked.ok) {
      setError(checked.error);
      document.getElementById('revoke-reason')?.focus();
      return;
    }
    await run(async () => {
      const revoked = await revokeDevice(api, device.id, checked.value);
      onRevoked(t(revoked ? 'admin.deviceRevoked' : 'admin.deviceWasRevoked', { device: device.name }));
    });
  }

  return (
    <form className="revoke-device" aria-labelledby="revoke-device-heading" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="revoke-device-heading" ref={heading} tabIndex={-1}>
        {t('admin.revokeTitle', { device: device.name, station: device.stationCode })}
      </h3>
      <p>{t('admin.revokeExplained')}</p>
      <LabelledField
        id="revoke-reason"
        label={t('admin.revokeReason')}
        value={reason}
        error={error ? translateBoth(error) : undefined}
        onChange={(value) => {
          setReason(value);
          setError(undefined);
        }}
        extra={{ maxLength: 500 }}
      />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" disabled={saving}>
        {saving ? t('admin.saving') : t('admin.revokeConfirm')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('admin.cancel')}
      </button>
    </form>
  );
}
