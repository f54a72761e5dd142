import type { DeviceSummary } from '../../../../shared/schemas/deviceAdmin';
import { useT } from '../../lib/i18n';
import { instantText } from './instantText';

interface Station {
  code: string;
  devices: DeviceSummary[];
  lastSeenAt: string | undefined;
}

/** The station codes (printed in case numbers) with the devices that belong to each. */
export function stationsOf(devices: readonly DeviceSummary[]): Station[] {
  const byCode = new Map<string, DeviceSummary[]>();
  for (const device of devices) byCode.set(device.stationCode, [...(byCode.get(device.stationCode) ?? []), device]);
  return [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, members]) => ({
      code,
      devices: members,
      lastSeenAt: members.flatMap((device) => (device.lastSeenAt ? [device.lastSeenAt] : [])).sort().at(-1),
    }));
}

/** 櫃台 Stations: each station code with its devices, whether they are in use, and the last contact. */
export function StationList({ devices }: { devices: readonly DeviceSummary[] }) {
  const t = useT();
  return (
    <table className="report-table">
      <caption>{t('admin.stations')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.stationCode')}</th>
          <th scope="col">{t('admin.stationDevices')}</th>
          <th scope="col">{t('admin.lastSeen')}</th>
        </tr>
      </thead>
      <tbody>
        {stationsOf(devices).map((station) => (
          <tr key={station.code}>
            <th scope="row">{station.code}</th>
            <td>
              {station.devices.map((device) => `${device.name}${device.revokedAt ? ` (${t('admin.stateRevoked')})` : ''}`).join('、')}
            </td>
            <td>{station.lastSeenAt ? instantText(station.lastSeenAt) : t('admin.neverSeen')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
