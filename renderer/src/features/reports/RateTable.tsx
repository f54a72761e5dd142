import type { OnTimeRow } from '../../../../shared/schemas/supervision';
import { useT } from '../../lib/i18n';

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** One table of on-time rates (by month, unit, officer, service or channel), each row named by `label`. */
export function RateTable({ caption, rows, label }: { caption: string; rows: readonly OnTimeRow[]; label: (row: OnTimeRow) => string }) {
  const t = useT();
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{caption}</span>
          </th>
          <th scope="col">{t('repTotal')}</th>
          <th scope="col">{t('repOnTimeCount')}</th>
          <th scope="col">{t('repLate')}</th>
          <th scope="col">{t('repOnTime')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{label(row)}</th>
            <td>{row.total}</td>
            <td>{row.onTime}</td>
            <td>{row.late}</td>
            <td>
              {percent(row.rate)} {row.meetsTarget === null ? '' : row.meetsTarget ? `(${t('repMeets')})` : `(${t('repBelow')})`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
