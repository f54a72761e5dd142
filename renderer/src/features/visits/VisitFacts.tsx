import { districtByZip } from '../../../../shared/domain/districts';
import { formatPhone } from '../../../../shared/domain/phone';
import { formatRocLong } from '../../../../shared/domain/rocDate';
import type { LocalVisit } from '../../db/visitStore';
import { useT } from '../../lib/i18n';
import { useServiceName } from './useServiceName';
import { useVisitText } from './useVisitText';

/** Who and where the visit is, what it is for, and the applicant's earlier cases. */
export function VisitFacts({ visit }: { visit: LocalVisit }) {
  const t = useT();
  const v = useVisitText();
  const serviceName = useServiceName();
  const district = districtByZip(visit.address.zip);
  return (
    <>
      <dl>
        <dt>{v('applicant')}</dt>
        <dd>
          {visit.applicant.name} · {t(`kind.${visit.applicant.kind}`)} · <span className="mono">{visit.applicant.idNumber}</span>
          {visit.applicant.phone && ` · ${formatPhone(visit.applicant.phone)}`}
        </dd>
        <dt>{v('address')}</dt>
        <dd>
          {visit.address.zip} {district ? `基隆市${district.name}` : ''} {visit.address.line}
        </dd>
        <dt>{v('service')}</dt>
        <dd>{serviceName(visit.serviceId)}</dd>
        {visit.note && (
          <>
            <dt>{v('note')}</dt>
            <dd>{visit.note}</dd>
          </>
        )}
      </dl>

      <table className="case-list" aria-label={v('earlierCases')}>
        <caption>{v('earlierCases')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseNo')}</th>
            <th scope="col">{t('service')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('receivedOn')}</th>
          </tr>
        </thead>
        <tbody>
          {visit.earlierCases.length === 0 ? (
            <tr>
              <td colSpan={4}>{v('noEarlierCases')}</td>
            </tr>
          ) : (
            visit.earlierCases.map((earlier) => (
              <tr key={earlier.caseNo}>
                <td className="mono">{earlier.caseNo}</td>
                <td>{serviceName(earlier.serviceId)}</td>
                <td>{t(`status.${earlier.status}`)}</td>
                <td>{formatRocLong(earlier.receivedOn)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </>
  );
}
