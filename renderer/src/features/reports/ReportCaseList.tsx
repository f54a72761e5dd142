import type { QueueCase } from '../../../../shared/schemas/supervision';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';

/** The overdue or at-risk cases of a report: case number, service, handling unit, officer and due date. */
export function ReportCaseList({ caption, rows }: { caption: string; rows: readonly QueueCase[] }) {
  const t = useT();
  const en = useLocale((s) => s.locale) === 'en';
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('repColCase')}</th>
          <th scope="col">{t('repColService')}</th>
          <th scope="col">{t('repColUnit')}</th>
          <th scope="col">{t('repColOfficer')}</th>
          <th scope="col">{t('repColDue')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((item) => (
          <tr key={item.id}>
            <th scope="row">{item.caseNo}</th>
            <td>{en ? item.serviceNameEn : item.serviceNameZh}</td>
            <td>{(en ? item.unitNameEn : item.unitNameZh) || item.unit}</td>
            <td>{item.assigneeName ?? t('supUnassigned')}</td>
            <td>{item.dueDate}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
