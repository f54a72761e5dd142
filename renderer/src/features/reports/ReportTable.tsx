import type { ReactNode } from 'react';

export interface ReportColumn<R> {
  heading: string;
  cell: (row: R) => ReactNode;
}

export interface ReportTableProps<R> {
  caption: string;
  rows: readonly R[];
  keyOf: (row: R) => string;
  /** The cell that names each row (a row heading); `heading` is its column's heading, the caption (for screen readers) when none. */
  rowName: { heading?: string; cell: (row: R) => ReactNode };
  columns: readonly ReportColumn<R>[];
}

/** One table of a report: a caption, a column of row headings, and a cell per column for each row. */
export function ReportTable<R>({ caption, rows, keyOf, rowName, columns }: ReportTableProps<R>) {
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowName.heading ?? <span className="visually-hidden">{caption}</span>}</th>
          {columns.map((column) => (
            <th key={column.heading} scope="col">
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={keyOf(row)}>
            <th scope="row">{rowName.cell(row)}</th>
            {columns.map((column) => (
              <td key={column.heading}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
