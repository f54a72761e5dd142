import type { QueueCase } from '../../../../shared/schemas/supervision';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { ReportTable } from './ReportTable';

/** The overdue or at-risk cases of a report: case number, service, handling unit, officer and due date. */
export function ReportCaseList({ caption, rows }: { caption: string; rows: readonly QueueCase[] }) {
  const t = useT();
  const en = useLocale((s) => s.locale) === 'en';
  return (
    <ReportTable
      caption={caption}
      rows={rows}
      keyOf={(item) => item.id}
      rowName={{ heading: t('repColCase'), cell: (item) => item.caseNo }}
      columns={[
        { heading: t('repColService'), cell: (item) => (en ? item.serviceNameEn : item.serviceNameZh) },
        { heading: t('repColUnit'), cell: (item) => (en ? item.unitNameEn : item.unitNameZh) || item.unit },
        { heading: t('repColOfficer'), cell: (item) => item.assigneeName ?? t('supUnassigned') },
        { heading: t('repColDue'), cell: (item) => item.dueDate },
      ]}
    />
  );
}
