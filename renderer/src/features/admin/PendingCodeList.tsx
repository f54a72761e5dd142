import type { PendingEnrolmentCode } from '../../../../shared/schemas/deviceAdmin';
import { useT } from '../../lib/i18n';
import { instantText } from './instantText';

/** The enrolment codes made and not used yet: for which station, by whom, until when (the codes were shown once). */
export function PendingCodeList({ codes }: { codes: readonly PendingEnrolmentCode[] }) {
  const t = useT();
  return (
    <table className="report-table">
      <caption>{t('admin.pendingCodes')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.stationCode')}</th>
          <th scope="col">{t('admin.codeMadeBy')}</th>
          <th scope="col">{t('admin.codeExpires')}</th>
        </tr>
      </thead>
      <tbody>
        {codes.length === 0 && (
          <tr>
            <td colSpan={3}>{t('admin.noPendingCodes')}</td>
          </tr>
        )}
        {codes.map((pending) => (
          <tr key={`${pending.stationCode}-${pending.createdAt}`}>
            <th scope="row">
              {pending.stationCode}
              {pending.kind === 'kiosk' && <span className="hint small"> {t('admin.deviceKind.kiosk')}</span>}
            </th>
            <td>{pending.createdBy}</td>
            <td>{instantText(pending.expiresAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
