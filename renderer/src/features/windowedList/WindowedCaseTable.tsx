import type { ReactNode, RefObject, UIEvent } from 'react';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import type { VirtualWindow } from './virtualWindow';

export interface WindowedCaseTableProps {
  /** The scrolling viewport, as useViewportScroll keeps it. */
  viewportRef: RefObject<HTMLDivElement | null>;
  onScroll: (event: UIEvent<HTMLDivElement>) => void;
  /** The viewport's class and test id. */
  viewport: { className: string; testId?: string };
  /** What names the table: a caption of its own (read only by screen readers) or a heading's id. */
  name: { caption: string } | { labelledBy: string };
  /** The headings of the columns before the last, which opens the case. */
  columns: readonly string[];
  /** The answer of useCaseResults: whether it came, how many rows, the window and its rows. */
  answered: boolean;
  total: number;
  win: Pick<VirtualWindow, 'padTop' | 'padBottom'>;
  rows: readonly { index: number; c?: LocalCase }[];
  /** One loaded case's row, at `index` in the list. */
  row: (c: LocalCase, index: number) => ReactNode;
}

/**
 * A windowed table of cases (the case list, the desk's lists): only the rows near the viewport exist in
 * the DOM, spacers above and below keep the scrollbar true to the whole list, a row whose page has not
 * arrived yet shows as loading, and the table says so when nothing matches. Screen readers are told each
 * row's place in the whole list (aria-rowcount, aria-rowindex).
 */
export function WindowedCaseTable({ viewportRef, onScroll, viewport, name, columns, answered, total, win, rows, row }: WindowedCaseTableProps) {
  const t = useT();
  const span = columns.length + 1;
  return (
    <div className={viewport.className} ref={viewportRef} onScroll={onScroll} data-testid={viewport.testId}>
      <table className="case-list" aria-labelledby={'labelledBy' in name ? name.labelledBy : undefined} aria-rowcount={total + 1}>
        {'caption' in name && <caption className="visually-hidden">{name.caption}</caption>}
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('openCase')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {win.padTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={span} style={{ height: win.padTop }} />
            </tr>
          )}
          {rows.map(({ index, c }) =>
            c ? (
              row(c, index)
            ) : (
              <tr key={`loading-${index}`} aria-rowindex={index + 2} className="loading-row">
                <td colSpan={span}>…</td>
              </tr>
            ),
          )}
          {win.padBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={span} style={{ height: win.padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {answered && total === 0 && <p className="empty">{t('noCases')}</p>}
    </div>
  );
}
