import { useMemo } from 'react';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import { queryDesk, type DeskQuery } from '../../db/deskQuery';
import { useT } from '../../lib/i18n';
import { useCaseResults } from '../windowedList/useCaseResults';
import { useViewportScroll } from '../windowedList/useViewportScroll';
import type { DeskFilterValues } from './DeskFilters';
import { DeskRow } from './DeskRow';

const COLUMNS = 7;

/**
 * One desk list (the officer's own cases, or the units' unassigned ones) in a windowed table, fewest
 * working days left first: the rows are paged from IndexedDB as they scroll into view (db/deskQuery),
 * the first page paints before the count, as in the case list.
 */
export interface DeskListProps {
  id: string;
  title: string;
  /** A line under the title (which units the list covers). */
  note?: string;
  queues: readonly string[];
  filters: DeskFilterValues;
  onOpen: (caseId: string) => void;
}

export function DeskList({ id, title, note, queues, filters, onOpen }: DeskListProps) {
  const t = useT();
  const { text, status, serviceId } = filters;
  const query: DeskQuery = useMemo(() => ({ queues, text, ...(status ? { status } : {}), ...(serviceId ? { serviceId } : {}) }), [queues, text, status, serviceId]);
  const { viewportRef, scroll, onScroll } = useViewportScroll();
  const { results, counting, total, win, rows, searchSeq } = useCaseResults(query, scroll, queryDesk);
  const today = taipeiDate(new Date());
  const headingId = `${id}-title`;

  return (
    <section className="desk-list" aria-labelledby={headingId} data-testid={id}>
      <h3 id={headingId}>{title}</h3>
      {note && <p className="hint small">{note}</p>}
      <p role="status" className="result-count" data-count={counting ? '' : total} data-search-seq={searchSeq}>
        {!results ? t('loading') : counting ? t('resultCounting', { count: total }) : t('resultCount', { count: total })}
      </p>
      <div className="case-viewport desk-viewport" ref={viewportRef} onScroll={onScroll}>
        <table className="case-list" aria-labelledby={headingId} aria-rowcount={total + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t('caseNo')}</th>
              <th scope="col">{t('service')}</th>
              <th scope="col">{t('applicant')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('dueDate')}</th>
              <th scope="col">{t('supColRisk')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('openCase')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {win.padTop > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={COLUMNS} style={{ height: win.padTop }} />
              </tr>
            )}
            {rows.map(({ index, c }) =>
              c ? (
                <DeskRow key={c.id} c={c} index={index} today={today} onOpen={onOpen} />
              ) : (
                <tr key={`loading-${index}`} aria-rowindex={index + 2} className="loading-row">
                  <td colSpan={COLUMNS}>…</td>
                </tr>
              ),
            )}
            {win.padBottom > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={COLUMNS} style={{ height: win.padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {results && total === 0 && <p className="empty">{t('noCases')}</p>}
      </div>
    </section>
  );
}
