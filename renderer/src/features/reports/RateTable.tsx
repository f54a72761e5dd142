import type { OnTimeRow } from '../../../../shared/schemas/supervision';
import { useT } from '../../lib/i18n';
import { percentText } from '../../lib/percentText';
import { ReportTable } from './ReportTable';


/** One table of on-time rates (by month, unit, officer, service or channel), each row named by `label`. */
export function RateTable({ caption, rows, label }: { caption: string; rows: readonly OnTimeRow[]; label: (row: OnTimeRow) => string }) {
  const t = useT();
  return (
    <ReportTable
      caption={caption}
      rows={rows}
      keyOf={(row) => row.key}
      rowName={{ cell: label }}
      columns={[
        { heading: t('repTotal'), cell: (row) => row.total },
        { heading: t('repOnTimeCount'), cell: (row) => row.onTime },
        { heading: t('repLate'), cell: (row) => row.late },
        { heading: t('repOnTime'), cell: (row) => `${percentText(row.rate)} ${row.meetsTarget === null ? '' : row.meetsTarget ? `(${t('repMeets')})` : `(${t('repBelow')})`}` },
      ]}
    />
  );
}
