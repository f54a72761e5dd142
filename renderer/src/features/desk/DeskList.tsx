import { useMemo } from 'react';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import { queryDesk, type DeskQuery } from '../../db/deskQuery';
import { useT } from '../../lib/i18n';
import { useCaseResults } from '../windowedList/useCaseResults';
import { useViewportScroll } from '../windowedList/useViewportScroll';
import { WindowedCaseTable } from '../windowedList/WindowedCaseTable';
import type { DeskFilterValues } from './DeskFilters';
import { DeskRow } from './DeskRow';

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
      <WindowedCaseTable
        viewportRef={viewportRef}
        onScroll={onScroll}
        viewport={{ className: 'case-viewport desk-viewport' }}
        name={{ labelledBy: headingId }}
        columns={[t('caseNo'), t('service'), t('applicant'), t('status'), t('dueDate'), t('supColRisk')]}
        answered={results !== undefined}
        total={total}
        win={win}
        rows={rows}
        row={(c, index) => <DeskRow key={c.id} c={c} index={index} today={today} onOpen={onOpen} />}
      />
    </section>
  );
}
