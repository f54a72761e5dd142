import type { CountRow } from '../../../../shared/schemas/supervision';
import { useT } from '../../lib/i18n';

/** How many cases each channel received in the period. */
export function ReceivedByChannel({ caption, rows, label }: { caption: string; rows: readonly CountRow[]; label: (row: CountRow) => string }) {
  const t = useT();
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{caption}</span>
          </th>
          <th scope="col">{t('repReceived')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{label(row)}</th>
            <td>{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
