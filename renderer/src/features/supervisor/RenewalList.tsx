import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import type { ApiOptions } from '../../sync/api';
import { useRenewals } from './useRenewals';

/**
 * 主動服務: the approvals of the supervisor's units that run out within the month, and whether the
 * applicant's reminder SMS has gone, so the office can call those who have not applied to renew.
 */
export function RenewalList({ api }: { api: ApiOptions }) {
  const t = useT();
  const en = useLocale((s) => s.locale) === 'en';
  const { renewals, problem, offline } = useRenewals(api);
  if (offline) return null;
  return (
    <section className="renewals" aria-labelledby="renewals-heading" aria-busy={!renewals && !problem}>
      <h3 id="renewals-heading">{t('supRenewals')}</h3>
      {problem && <p role="alert">{t('supRenewalsFailed', { message: problem })}</p>}
      {!renewals && !problem && <p role="status">{t('supRenewalsLoading')}</p>}
      {renewals && <p>{t('supRenewalsIntro', { from: renewals.from, to: renewals.to })}</p>}
      {renewals && renewals.renewals.length === 0 && <p>{t('supRenewalsNone')}</p>}
      {renewals && renewals.renewals.length > 0 && (
        <table className="supervisor-table">
          <caption className="visually-hidden">{t('supRenewals')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supColCase')}</th>
              <th scope="col">{t('supService')}</th>
              <th scope="col">{t('supUnit')}</th>
              <th scope="col">{t('supColApplicant')}</th>
              <th scope="col">{t('supColGranted')}</th>
              <th scope="col">{t('supColExpires')}</th>
              <th scope="col">{t('supColReminder')}</th>
            </tr>
          </thead>
          <tbody>
            {renewals.renewals.map((item) => (
              <tr key={item.id}>
                <th scope="row">{item.caseNo}</th>
                <td>{en ? item.serviceNameEn : item.serviceNameZh}</td>
                <td>{en ? item.unitNameEn : item.unitNameZh}</td>
                <td>{item.applicantMasked}</td>
                <td>{item.granted ?? '—'}</td>
                <td>{item.expiresOn}</td>
                <td>{t(`supReminder.${item.reminder ?? 'none'}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
