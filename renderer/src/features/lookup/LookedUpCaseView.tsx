import type { LookedUpCase } from '../../../../shared/schemas/caseLookup';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { useServiceName } from '../visits/useServiceName';

/** One looked-up case, read-only: facts only, no action (decision 0030). */
export function LookedUpCaseView({ found }: { found: LookedUpCase }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const serviceName = useServiceName();
  const missing = found.checklist.filter((item) => item.state === 'missing').map((item) => item.document);
  const headingId = `lookup-case-${found.id}`;
  return (
    <article className="lookup-case" aria-labelledby={headingId} data-testid="looked-up-case">
      <h3 id={headingId}>
        {found.caseNo} · {serviceName(found.serviceId)}
      </h3>
      <p className="hint small">{t('lookup.readOnly')}</p>
      <dl className="case-facts">
        <dt>{t('status')}</dt>
        <dd>{t(`status.${found.status}`)}</dd>
        <dt>{t('applicant')}</dt>
        <dd>
          {found.applicant.maskedName} {found.applicant.maskedIdNumber}
        </dd>
        <dt>{t('receivedOn')}</dt>
        <dd>{found.receivedOn}</dd>
        <dt>{t('dueDate')}</dt>
        <dd>{found.dueDate}</dd>
        <dt>{t('lookup.station')}</dt>
        <dd>{found.stationCode}</dd>
        {found.unit && (
          <>
            <dt>{t('lookup.unit')}</dt>
            <dd>{locale === 'en' ? found.unit.nameEn : found.unit.nameZh}</dd>
          </>
        )}
        <dt>{t('lookup.missing')}</dt>
        <dd>{missing.length > 0 ? missing.join('、') : t('lookup.noneMissing')}</dd>
      </dl>
      <p className="small">{t('lookup.documentCount', { count: found.documentCount })}</p>
    </article>
  );
}
