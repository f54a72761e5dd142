import { useMemo, useState } from 'react';
import { SELECTIVE_CAP, SORT_CAP, queryCases, type CaseQuery } from '../../db/caseQuery';
import { translateBoth, useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { CaseRow } from './CaseRow';
import { CaseSearchForm, type CaseFilters } from './CaseSearchForm';
import { useCaseResults } from '../windowedList/useCaseResults';
import { useViewportScroll } from '../windowedList/useViewportScroll';

/**
 * The cases on this device: searched through IndexedDB indexes (db/caseQuery) and shown in a
 * windowed table, so 200,000 cases scroll and filter without a stall. Rows are fetched a page at a
 * time as they scroll into view; only the rows near the viewport exist in the DOM. The first page
 * paints before the matches are counted: a count over a broad filter walks a whole index, and the
 * clerk reads the rows, not the total, first ("50+ cases, counting…" until it arrives).
 */
export function CaseList({ onOpen }: { onOpen: (caseId: string) => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
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
      {counting && progress && (
        // The running total changes every slice: shown, but not announced each time.
        <p className="hint small" aria-hidden="true" data-testid="count-progress">
          {t('countedSoFar', { count: progress.soFar })}
        </p>
      )}
      <div
        className="case-viewport"
        ref={viewportRef}
        onScroll={onScroll}
        data-testid="case-viewport"
      >
        <table className="case-list" aria-rowcount={total + 1}>
          <caption className="visually-hidden">{t('caseList')}</caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t('caseNo')}</th>
              <th scope="col">{t('service')}</th>
              <th scope="col">{t('applicant')}</th>
              <th scope="col">{t('receivedOn')}</th>
              <th scope="col">{t('dueDate')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('syncState')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('openCase')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {win.padTop > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={8} style={{ height: win.padTop }} />
              </tr>
            )}
            {rows.map(({ index, c }) =>
              c ? (
                <CaseRow key={c.id} c={c} index={index} locale={locale} t={t} onOpen={onOpen} />
              ) : (
                <tr key={`loading-${index}`} aria-rowindex={index + 2} className="loading-row">
                  <td colSpan={8}>…</td>
                </tr>
              ),
            )}
            {win.padBottom > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={8} style={{ height: win.padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {results && total === 0 && <p className="empty">{t('noCases')}</p>}
      </div>
    </section>
  );
}
