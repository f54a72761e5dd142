import { useEffect, useRef, useState } from 'react';
import { FIRST_PAGE, type CaseResults } from '../../db/caseQuery';
import type { LocalCase } from '../../db/records';
import { useSyncStatus } from '../../state/syncStatus';
import { virtualWindow } from './virtualWindow';

const ROW_HEIGHT = 40;
const PAGE = FIRST_PAGE;
// Queries are index look-ups that cost a few milliseconds; a stale answer is dropped, not awaited.
const SEARCH_DEBOUNCE_MS = 0;
const COUNT_DELAY_MS = 300;

/**
 * The matches of a query, windowed to the viewport: the first page at once, the rest a page at a time
 * as it scrolls into view, and the exact count after a pause (it walks a whole index). `run` answers
 * the query: the case search (db/caseQuery) or a desk list (db/deskQuery); `query` and `run` must keep
 * their identity while unchanged (memoised), since a new one searches again.
 */
export function useCaseResults<Q>(query: Q, scroll: { top: number; height: number }, run: (query: Q) => Promise<CaseResults>) {
  const revision = useSyncStatus((s) => s.revision);
  const [results, setResults] = useState<CaseResults>();
  const [counted, setCounted] = useState<{ of: CaseResults; soFar: number; total?: number }>();
  const [pages, setPages] = useState<ReadonlyMap<number, LocalCase[]>>(new Map());
  const [searchSeq, setSearchSeq] = useState(0);
  const loading = useRef(new Set<number>());

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void run(query).then((next) => {
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
  }, [query, revision, run]);

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
  return { results, progress, exact, counting, total, win, rows, searchSeq };
}
