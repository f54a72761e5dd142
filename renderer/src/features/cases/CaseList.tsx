import { useEffect, useMemo, useRef, useState } from 'react';
import { findService } from '../../../../shared/domain/catalogue';
import { maskIdNumber, maskName } from '../../../../shared/domain/masking';
import { caseStatuses, type CaseStatus } from '../../../../shared/schemas/case';
import { FIRST_PAGE, queryCases, SELECTIVE_CAP, SORT_CAP, type CaseQuery, type CaseResults, type CaseSort } from '../../db/caseQuery';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { rejectionText } from '../../lib/errorText';
import { useLocale, type Locale } from '../../state/locale';
import { useSyncStatus } from '../../state/syncStatus';
import { DateField } from '../dates/DateField';
import { clockState } from '../notice/deficiency';
import { virtualWindow } from './virtualWindow';
import { getCatalogue } from '../../lib/referenceData';

const ROW_HEIGHT = 40;
const PAGE = FIRST_PAGE;
// Queries are index look-ups that cost a few milliseconds; a stale answer is dropped, not awaited.
const SEARCH_DEBOUNCE_MS = 0;
const COUNT_DELAY_MS = 300;
const sorts: readonly CaseSort[] = ['received-desc', 'received-asc', 'due-asc', 'caseNo-asc'];

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
  const revision = useSyncStatus((s) => s.revision);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [serviceId, setServiceId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sort, setSort] = useState<CaseSort>('received-desc');
  const [results, setResults] = useState<CaseResults>();
  const [counted, setCounted] = useState<{ of: CaseResults; soFar: number; total?: number }>();
  const [pages, setPages] = useState<ReadonlyMap<number, LocalCase[]>>(new Map());
  const [scroll, setScroll] = useState({ top: 0, height: 600 });
  const [searchSeq, setSearchSeq] = useState(0);
  const viewportRef = useRef<HTMLDivElement>(null);
  const loading = useRef(new Set<number>());

  const query: CaseQuery = useMemo(
    () => ({ text, sort, ...(status ? { status } : {}), ...(serviceId ? { serviceId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    [text, status, serviceId, from, to, sort],
  );

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void queryCases(query).then((next) => {
        if (cancelled) return;
        loading.current = new Set();
        setResults(next);
        setPages(new Map([[0, next.firstPage]]));
        setSearchSeq((n) => n + 1);
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, revision]);

  // The exact count, once the first page is on screen and the clerk has paused: a count walks the
  // index, so one started on every keystroke or filter change would queue in front of the next search.
  // A superseded count stops at its next slice.
  useEffect(() => {
    if (!results || results.total !== undefined) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      results
        .count({ signal: abort.signal, onProgress: (soFar) => setCounted({ of: results, soFar }) })
        .then((total) => setCounted({ of: results, total, soFar: total }))
        .catch((error: unknown) => {
          if (!abort.signal.aborted) console.error(error);
        });
    }, COUNT_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [results]);

  useEffect(() => {
    const el = viewportRef.current;
    if (!el) return;
    const update = () => setScroll({ top: el.scrollTop, height: el.clientHeight });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const progress = counted && counted.of === results ? counted : undefined;
  const exact = results?.total ?? progress?.total;
  const counting = results !== undefined && exact === undefined;
  // While counting, the list is as long as the rows already read.
  const total = exact ?? results?.firstPage.length ?? 0;
  const win = virtualWindow(total, ROW_HEIGHT, scroll.top, scroll.height);

  // Fetch the pages the window needs that are neither loaded nor loading.
  useEffect(() => {
    if (!results) return;
    const needed: number[] = [];
    for (let p = Math.floor(win.start / PAGE); p * PAGE < win.end; p += 1) if (!pages.has(p) && !loading.current.has(p)) needed.push(p);
    for (const p of needed) {
      loading.current.add(p);
      void results.fetch(p * PAGE, PAGE).then((rows) => {
        setPages((current) => (loading.current.has(p) ? new Map(current).set(p, rows) : current));
      });
    }
  }, [results, pages, win.start, win.end]);

  const rows: { index: number; c?: LocalCase }[] = [];
  for (let i = win.start; i < win.end; i += 1) rows.push({ index: i, c: pages.get(Math.floor(i / PAGE))?.[i % PAGE] });
  const textError = results?.text.kind === 'invalid' ? results.text.message : undefined;

  return (
    <section className="case-list-screen" aria-labelledby="case-list-title">
      <h2 id="case-list-title">{t('caseList')}</h2>
      <form className="case-search" role="search" onSubmit={(e) => e.preventDefault()} aria-label={t('search')}>
        <div className="field grow">
          <label htmlFor="case-search-text">{t('searchLabel')}</label>
          <input
            id="case-search-text"
            type="search"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="case-search-hint"
            aria-invalid={textError ? true : undefined}
          />
          <p id="case-search-hint" className={textError ? 'field-error' : 'hint small'}>
            {textError ? (locale === 'en' ? textError.en : textError.zh) : t('searchHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="case-search-status">{t('status')}</label>
          <select id="case-search-status" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus | '')}>
            <option value="">{t('allStatuses')}</option>
            {caseStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-search-service">{t('service')}</label>
          <select id="case-search-service" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">{t('allServices')}</option>
            {getCatalogue().services.map((s) => (
              <option key={s.id} value={s.id}>
                {locale === 'en' ? s.nameEn : s.nameZh}
              </option>
            ))}
          </select>
        </div>
        <DateField id="case-search-from" label={t('dateFrom')} value={from} onChange={setFrom} />
        <DateField id="case-search-to" label={t('dateTo')} value={to} onChange={setTo} />
        <div className="field">
          <label htmlFor="case-search-sort">{t('sortBy')}</label>
          <select id="case-search-sort" value={sort} onChange={(e) => setSort(e.target.value as CaseSort)}>
            {sorts.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
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
        onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
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

function CaseRow({ c, index, locale, t, onOpen }: { c: LocalCase; index: number; locale: Locale; t: ReturnType<typeof useT>; onOpen: (id: string) => void }) {
  const service = findService(getCatalogue(), c.serviceId);
  const clock = clockState(c, service);
  return (
    <tr data-case-no={c.caseNo} aria-rowindex={index + 2}>
      <td className="mono">{c.caseNo}</td>
      <td className="ellipsis">{service ? (locale === 'en' ? service.nameEn : service.nameZh) : c.serviceId}</td>
      <td>
        {maskName(c.applicant.name)} {maskIdNumber(c.applicant.idNumber)}
      </td>
      <td>{c.receivedOn}</td>
      <td data-testid="clock" data-clock={clock.kind}>
        {clock.kind === 'paused' ? t('clockPausedSince', { date: clock.since }) : clock.dueDate}
      </td>
      <td>{t(`status.${c.status}`)}</td>
      <td data-testid="sync-state" data-state={c.syncState} title={c.syncState === 'rejected' ? rejectionText(locale, c.syncCode, c.caseNo) : undefined}>
        {t(`syncState.${c.syncState}`)}
      </td>
      <td>
        <button type="button" onClick={() => onOpen(c.id)} aria-label={`${t('openCase')} ${c.caseNo}`}>
          {t('openCase')}
        </button>
      </td>
    </tr>
  );
}
