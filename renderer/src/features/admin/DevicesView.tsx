import { useState } from 'react';
import type { DeviceSummary, EnrolmentCodeAnswer } from '../../../../shared/schemas/deviceAdmin';
import { useT } from '../../lib/i18n';
import type { ApiOptions } from '../../sync/api';
import { fetchDeviceOverview } from './adminApi';
import { DeviceTable } from './DeviceTable';
import { EnrolmentCodeForm } from './EnrolmentCodeForm';
import { instantText } from './instantText';
import { OneTimeSecret } from './OneTimeSecret';
import { PendingCodeList } from './PendingCodeList';
import { RevokeDeviceForm } from './RevokeDeviceForm';
import { ServerQueryState } from './ServerQueryState';
import { StationList } from './StationList';
import { useServerQuery } from './useServerQuery';

/**
 * 設備與櫃台 Devices and stations: the enrolled counter PCs and laptops with their station and last
 * contact, the stations with their devices, one-time enrolment codes, and revocation with a reason.
 */
export function DevicesView({ api }: { api: ApiOptions }) {
  const t = useT();
  const query = useServerQuery(api, fetchDeviceOverview);
  const [revoking, setRevoking] = useState<DeviceSummary>();
  const [code, setCode] = useState<EnrolmentCodeAnswer>();
  const [messages, setMessages] = useState<string[]>([]);
  const say = (message: string) => setMessages((current) => [message, ...current].slice(0, 5));
  const devices = query.data?.devices ?? [];
  const codes = query.data?.codes ?? [];

  return (
    <section className="admin-devices" aria-labelledby="admin-devices-heading" aria-busy={query.loading}>
      <h2 id="admin-devices-heading">{t('admin.devicesTab')}</h2>
      <p>{t('admin.devicesIntro')}</p>
      <ServerQueryState query={query} />
      <div role="status" aria-live="polite">
        {messages.map((message, index) => (
          <p key={`${index}-${message}`}>{message}</p>
        ))}
      </div>
      {code && (
        <OneTimeSecret
          title={code.kind === 'kiosk' ? t('admin.kioskCodeFor', { station: code.stationCode }) : t('admin.enrolmentCodeFor', { station: code.stationCode })}
          value={code.code}
          note={t('admin.enrolmentCodeOnce', { until: instantText(code.expiresAt) })}
          onDone={() => setCode(undefined)}
        />
      )}
      <DeviceTable devices={devices} onRevoke={setRevoking} />
      {revoking && (
        <RevokeDeviceForm
          key={revoking.id}
          api={api}
          device={revoking}
          onCancel={() => setRevoking(undefined)}
          onRevoked={(message) => {
            setRevoking(undefined);
            say(message);
            void query.reload();
          }}
        />
      )}
      <StationList devices={devices} />
      <EnrolmentCodeForm
        api={api}
        onCreated={(made) => {
          setCode(made);
          say(t('admin.enrolmentCodeMade', { station: made.stationCode }));
          void query.reload();
        }}
      />
      <PendingCodeList codes={codes} />
    </section>
  );
}
