import { parseCaseNo } from '../../../shared/domain/caseNumber';
import { safeParseStored } from '../../../shared/schemas/parseStored';
import { parseTaxpayerId } from '../../../shared/domain/ids';
import { parsePhone } from '../../../shared/domain/phone';
import { addDays } from '../../../shared/domain/isoDate';
import type { Bilingual } from '../../../shared/domain/bilingual';
import type { CaseStatus } from '../../../shared/schemas/case';
import type { Collection } from 'dexie';
import { getDb, type CounterDeskDb } from './database';
import { localCaseSchema, type LocalCase } from './records';

/**
 * Case search over IndexedDB indexes, built so that 200,000 local cases never come into memory:
 *
 * - A search text is classified once (case number with its check character, taxpayer id, phone, else a
 *   whole name) and answered by an equality look-up on the matching index. Names, ids and phones are
 *   looked up by equality only, never by prefix or range, because those three indexes hold keyed hashes
 *   once personal data is encrypted at rest (an equality look-up goes through the hashing; a range
 *   over hashes means nothing). The few matches are read, filtered by the other criteria and sorted in
 *   memory (at most SELECTIVE_CAP of them).
 * - Without a text, status / service / date range map onto a compound index ending in receivedAt, so a
 *   page is an index cursor advanced to its offset: no filter runs in JavaScript and the cost of a page
 *   does not grow with the number of cases.
 * - Counting is separate from the first page. IndexedDB counts by walking the index, which over a
 *   broad filter ("all", a common status) costs far more than reading the first rows the clerk sees, so
 *   the list paints those rows first and asks `count()` after. When the first page already holds
 *   every match, the total is known without counting.
 * - Sorting by due date or case number over a filtered set is the one case that reads the matches
 *   (capped at SORT_CAP and reported as capped).
 */

export type CaseSort = 'received-desc' | 'received-asc' | 'due-asc' | 'caseNo-asc';

export interface CaseQuery {
  text?: string;
  status?: CaseStatus;
  serviceId?: string;
  /** Taipei dates, inclusive. */
  from?: string;
  to?: string;
  sort: CaseSort;
}

export type SearchText =
  | { kind: 'none' }
  | { kind: 'caseNo'; value: string }
  | { kind: 'idNumber'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'name'; value: string }
  /** A case number that fails its check says why; digits that fit no searchable kind carry no message (the screen names the kinds). */
  | { kind: 'invalid'; message?: Bilingual };

export interface CaseResults {
  /** The number of matches when it is known without counting; undefined until `count()` answers. */
  total: number | undefined;
  /**
   * The exact number of matches, counted after the first page is on screen, in time slices so that no
   * single request holds the database for long (see countInSlices). Rejects with an AbortError when
   * `signal` aborts; `onProgress` gets the running total after each slice.
   */
  count: (options?: CountOptions) => Promise<number>;
  /** True when only the first SELECTIVE_CAP / SORT_CAP matches are listed. */
  capped: boolean;
  text: SearchText;
  /** The first FIRST_PAGE rows. */
  firstPage: LocalCase[];
  fetch: (offset: number, limit: number) => Promise<LocalCase[]>;
}

/** Enough to fill a tall screen (40 px rows) with its overscan; fewer rows to open and parse before the list paints. */
export const FIRST_PAGE = 50;

export interface CountOptions {
  signal?: AbortSignal;
  onProgress?: (countedSoFar: number) => void;
}

/** How many receivedAt slices a broad count is cut into. */
export const COUNT_SLICES = 32;

export const SELECTIVE_CAP = 5_000;
export const SORT_CAP = 20_000;

const CASE_NO_LIKE = /^\s*\d{3}[\s-]?[A-Za-z0-9]{2,6}[\s-]?\d{6}/;

/**
 * The form a name is searched in: Unicode NFC (an IME and a paste may compose 王 differently), no
 * whitespace at either end, and each inner run of whitespace as one space. Letter case is kept: the
 * encrypted store's name hash also folds case (docs/decisions/0011), a plain store matches it as typed.
 */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/** What kind of search a clerk's typed text is. */
export function classifySearchText(input: string): SearchText {
  const text = input.trim();
  if (text === '') return { kind: 'none' };
  const caseNo = parseCaseNo(text);
  if (caseNo.ok) return { kind: 'caseNo', value: caseNo.normalized };
  if (CASE_NO_LIKE.test(text)) return { kind: 'invalid', message: caseNo.message };
  const id = parseTaxpayerId(text);
  if (id.ok) return { kind: 'idNumber', value: id.normalized };
  const phone = parsePhone(text);
  if (phone.ok) return { kind: 'phone', value: phone.normalized };
  if (/^[\d\s()+-]+$/.test(text)) return { kind: 'invalid' };
  return { kind: 'name', value: normaliseName(text) };
}

/** The first instant (UTC ISO) of a Taipei calendar date. */
export function taipeiDayStart(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00+08:00`).toISOString();
}

/** The rows that read as cases; anything else (a missing row, a record an older version wrote badly) is left out. */
export function parseRows(rows: readonly unknown[]): LocalCase[] {
  return rows.flatMap((row) => {
    const parsed = safeParseStored(localCaseSchema, row);
    return parsed.success ? [parsed.data] : [];
  });
}

function compare(sort: CaseSort): (a: LocalCase, b: LocalCase) => number {
  switch (sort) {
    case 'received-desc':
      return (a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0);
    case 'received-asc':
      return (a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0);
    case 'due-asc':
      return (a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.caseNo < b.caseNo ? -1 : 1);
    case 'caseNo-asc':
      return (a, b) => (a.caseNo < b.caseNo ? -1 : a.caseNo > b.caseNo ? 1 : 0);
  }
}

/** Results already read and sorted in memory: the total is known at once. */
export function inMemory(rows: LocalCase[], text: SearchText, capped: boolean): CaseResults {
  return {
    total: rows.length,
    count: () => Promise.resolve(rows.length),
    capped,
    text,
    firstPage: rows.slice(0, FIRST_PAGE),
    fetch: async (offset, limit) => rows.slice(offset, offset + limit),
  };
}

/**
 * Counts the matches slice by slice over receivedAt, each slice its own short request. IndexedDB
 * counts by walking the index inside the database's one backend sequence, so one count over 200,000
 * entries keeps every other request — the clerk's next search — waiting behind it for seconds; cut in
 * COUNT_SLICES, the next search waits for one slice at most, and a count that is no longer wanted stops
 * at the next slice. The slices partition [lo, hi) exactly (the first starts at lo, the last ends at
 * hi, the inner bounds are instants between the oldest and newest case), so uneven dates change only
 * how the work is split, never the total.
 */
async function countInSlices(
  db: CounterDeskDb,
  received: (from: string, to: string) => Collection,
  lo: string,
  hi: string,
  { signal, onProgress }: CountOptions = {},
): Promise<number> {
  const [[oldest], [newest]] = await Promise.all([db.cases.orderBy('receivedAt').limit(1).keys(), db.cases.orderBy('receivedAt').reverse().limit(1).keys()]);
  const start = Math.max(Date.parse(typeof oldest === 'string' ? oldest : '') || 0, lo ? Date.parse(lo) : 0);
  const end = Math.min(Date.parse(typeof newest === 'string' ? newest : '') || 0, hi === '\uffff' ? Number.POSITIVE_INFINITY : Date.parse(hi));
  const bounds = [lo];
  if (Number.isFinite(start) && Number.isFinite(end) && end > start) {
    for (let i = 1; i < COUNT_SLICES; i += 1) bounds.push(new Date(start + ((end - start) * i) / COUNT_SLICES).toISOString());
  }
  bounds.push(hi);
  let total = 0;
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    signal?.throwIfAborted();
    total += await received(bounds[i] ?? lo, bounds[i + 1] ?? hi).count();
    onProgress?.(total);
  }
  return total;
}

/** Results paged from an index: the total is known at once only when the first page is short. */
function indexed(text: SearchText, firstPage: LocalCase[], rawFirstPageLength: number, count: CaseResults['count'], fetch: CaseResults['fetch']): CaseResults {
  const total = rawFirstPageLength < FIRST_PAGE ? rawFirstPageLength : undefined;
  return { total, count: total === undefined ? count : () => Promise.resolve(total), capped: false, text, firstPage, fetch };
}

/**
 * The stored names a name search looks up by equality: the normalised form and, where it differs,
 * the text as typed but trimmed (intake stores the trimmed text, so an older record may keep an inner
 * double space).
 */
function nameKeys(typed: string, normalised: string): string[] {
  return [...new Set([normalised, typed.trim()])];
}

function matchesFilters(q: CaseQuery): (c: LocalCase) => boolean {
  const lo = q.from ? taipeiDayStart(q.from) : undefined;
  const hi = q.to ? taipeiDayStart(addDays(q.to, 1)) : undefined;
  return (c) =>
    (!q.status || c.status === q.status) &&
    (!q.serviceId || c.serviceId === q.serviceId) &&
    (!lo || c.receivedAt >= lo) &&
    (!hi || c.receivedAt < hi);
}

/** Runs a case-list query; the result pages lazily through `fetch`. */
export async function queryCases(q: CaseQuery, db: CounterDeskDb = getDb()): Promise<CaseResults> {
  const text = classifySearchText(q.text ?? '');
  if (text.kind === 'invalid') return inMemory([], text, false);
  if (text.kind !== 'none') {
    const index = text.kind === 'caseNo' ? 'caseNo' : text.kind === 'idNumber' ? 'applicant.idNumber' : text.kind === 'phone' ? 'applicant.phone' : 'applicant.name';
    const keys = text.kind === 'name' ? nameKeys(q.text ?? '', text.value) : [text.value];
    const batches = await Promise.all(keys.map((key) => db.cases.where(index).equals(key).limit(SELECTIVE_CAP + 1).toArray()));
    const byId = new Map<unknown, unknown>();
    for (const row of batches.flat()) byId.set((row as { id?: unknown }).id, row);
    const rows = [...byId.values()];
    const capped = rows.length > SELECTIVE_CAP;
    const matches = parseRows(rows.slice(0, SELECTIVE_CAP)).filter(matchesFilters(q)).sort(compare(q.sort));
    return inMemory(matches, text, capped);
  }

  const lo = q.from ? taipeiDayStart(q.from) : '';
  const hi = q.to ? taipeiDayStart(addDays(q.to, 1)) : '\uffff';
  // The matches received in [from, to): every filter ends in receivedAt, so a time slice is one key range.
  const received = (from: string, to: string) => {
    if (q.status && q.serviceId) return db.cases.where('[status+serviceId+receivedAt]').between([q.status, q.serviceId, from], [q.status, q.serviceId, to], true, false);
    if (q.status) return db.cases.where('[status+receivedAt]').between([q.status, from], [q.status, to], true, false);
    if (q.serviceId) return db.cases.where('[serviceId+receivedAt]').between([q.serviceId, from], [q.serviceId, to], true, false);
    return db.cases.where('receivedAt').between(from, to, true, false);
  };
  const collection = () => received(lo, hi);
  const count: CaseResults['count'] = (options) => countInSlices(db, received, lo, hi, options);

  const filtered = Boolean(q.status || q.serviceId || q.from || q.to);
  if (!filtered && (q.sort === 'due-asc' || q.sort === 'caseNo-asc')) {
    const index = q.sort === 'due-asc' ? 'dueDate' : 'caseNo';
    const read = (offset: number, limit: number) => db.cases.orderBy(index).offset(offset).limit(limit).toArray();
    const first = await read(0, FIRST_PAGE);
    return indexed(text, parseRows(first), first.length, count, async (offset, limit) => parseRows(await read(offset, limit)));
  }

  if (q.sort === 'due-asc' || q.sort === 'caseNo-asc') {
    const rows = await collection().limit(SORT_CAP + 1).toArray();
    return inMemory(parseRows(rows.slice(0, SORT_CAP)).sort(compare(q.sort)), text, rows.length > SORT_CAP);
  }
  const ordered = () => (q.sort === 'received-desc' ? collection().reverse() : collection());
  const read = (offset: number, limit: number) => ordered().offset(offset).limit(limit).toArray();
  const first = await read(0, FIRST_PAGE);
  return indexed(text, parseRows(first), first.length, count, async (offset, limit) => parseRows(await read(offset, limit)));
}

/**
 * Earlier cases of exactly this taxpayer id, newest first. Only an exact id match is ever returned, so
 * typing an id can never reveal another taxpayer's cases.
 */
export async function casesOfApplicant(idNumber: string, limit = 5, db: CounterDeskDb = getDb()): Promise<LocalCase[]> {
  const rows = await db.cases.where('applicant.idNumber').equals(idNumber).toArray();
  return parseRows(rows)
    .filter((c) => c.applicant.idNumber === idNumber)
    .sort(compare('received-desc'))
    .slice(0, limit);
}
