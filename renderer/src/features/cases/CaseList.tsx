import { useMemo, useState } from 'react';
import { SELECTIVE_CAP, SORT_CAP, queryCases, type CaseQuery } from '../../db/caseQuery';
import { translateBoth, useT } from '../../lib/i18n';
import { CaseRow } from './CaseRow';
import { CaseSearchForm, type CaseFilters } from './CaseSearchForm';
import { useCaseResults } from '../windowedList/useCaseResults';
import { useViewportScroll } from '../windowedList/useViewportScroll';
import { WindowedCaseTable } from '../windowedList/WindowedCaseTable';

/**
 * The cases on this device: searched through IndexedDB indexes (db/caseQuery) and shown in a
 * windowed table, so 200,000 cases scroll and filter without a stall. Rows are fetched a page at a
 * time as they scroll into view; only the rows near the viewport exist in the DOM. The first page
 * paints before the matches are counted: a count over a broad filter walks a whole index, and the
 * clerk reads the rows, not the total, first ("50+ cases, counting…" until it arrives). A search that
 * finds nothing here offers the online lookup of other counters' cases (decision 0030).
 */
export function CaseList({ onOpen, onLookup }: { onOpen: (caseId: string) => void; onLookup?: (query: string) => void }) {
  const t = useT();
  const [filters, setFilters] = useState<CaseFilters>({ text: '', status: '', serviceId: '', from: '', to: '', sort: 'received-desc' });
  const { text, status, serviceId, from, to, sort } = filters;
  const query: CaseQuery = useMemo(
    () => ({ text, sort, ...(status ? { status } : {}), ...(serviceId ? { serviceId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    [text, status, serviceId, from, to, sort],
  );
  const { viewportRef, scroll, onScroll } = useViewportScroll();
  const { results, progress, exact, counting, total, win, rows, searchSeq } = useCaseResults(query, scroll, queryCases);
  const textError = results?.text.kind === 'invalid' ? (results.text.message ?? translateBoth('searchUnknownFormat')) : undefined;

  return (
    <section className="case-list-screen" aria-labelledby="case-list-title">
      <h2 id="case-list-title">{t('caseList')}</h2>
      <CaseSearchForm filters={filters} onChange={(change) => setFilters((current) => ({ ...current, ...change }))} textError={textError} />
      <p role="status" className="result-count" data-testid="result-count" data-count={exact ?? ''} data-counting={counting || undefined} data-search-seq={searchSeq}>
        {!results ? t('loading') : counting ? t('resultCounting', { count: total }) : t('resultCount', { count: total })}
        {results?.capped && ` ${t('resultCapped', { count: query.text ? SELECTIVE_CAP : SORT_CAP })}`}
      </p>
      {onLookup && text.trim() !== '' && exact === 0 && (
        <p>
          <button type="button" className="link-button" onClick={() => onLookup(text.trim())}>
            {t('lookup.fromList')}
          </button>
        </p>
      )}
      {counting && progress && (
        // The running total changes every slice: shown, but not announced each time.
        <p className="hint small" aria-hidden="true" data-testid="count-progress">
          {t('countedSoFar', { count: progress.soFar })}
        </p>
      )}
      <WindowedCaseTable
        viewportRef={viewportRef}
        onScroll={onScroll}
        viewport={{ className: 'case-viewport', testId: 'case-viewport' }}
        name={{ caption: t('caseList') }}
        columns={[t('caseNo'), t('service'), t('applicant'), t('receivedOn'), t('dueDate'), t('status'), t('syncState')]}
        answered={results !== undefined}
        total={total}
        win={win}
        rows={rows}
        row={(c, index) => <CaseRow key={c.id} c={c} index={index} onOpen={onOpen} />}
      />
    </section>
  );
}
