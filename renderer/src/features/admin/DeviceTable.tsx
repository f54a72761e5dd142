import type { DeviceSummary } from '../../../../shared/schemas/deviceAdmin';
import { useT } from '../../lib/i18n';
import { instantText } from './instantText';

/** The enrolled devices, by station: last contact, state (in use, revoked and why, to enrol again), revoke. */
export function DeviceTable({ devices, onRevoke }: { devices: readonly DeviceSummary[]; onRevoke: (device: DeviceSummary) => void }) {
  const t = useT();
  const stateOf = (device: DeviceSummary) =>
    device.revokedAt ? t('admin.revokedOn', { at: instantText(device.revokedAt), reason: device.revokedReason ?? '' }) : device.hasCredential ? t('admin.stateActive') : t('admin.enrolAgain');
  return (
    <table className="report-table">
      <caption>{t('admin.deviceList')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.deviceName')}</th>
          <th scope="col">{t('admin.stationCode')}</th>
          <th scope="col">{t('admin.lastSeen')}</th>
          <th scope="col">{t('admin.state')}</th>
          <th scope="col">{t('admin.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr key={device.id}>
            <th scope="row">
              {device.name} {device.kind === 'kiosk' && <span className="badge">{t('admin.kioskNo', { no: device.kioskNo ?? '' })}</span>}{' '}
              <span className="hint small">{device.id}</span>
            </th>
            <td>{device.stationCode}</td>
            <td>{device.lastSeenAt ? instantText(device.lastSeenAt) : t('admin.neverSeen')}</td>
            <td>{stateOf(device)}</td>
            <td>
              {!device.revokedAt && (
                <button type="button" onClick={() => onRevoke(device)}>
                  {t('admin.revoke', { device: device.name })}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
