import { parseCaseNo } from '../../../shared/domain/caseNumber';
import { parseTaxpayerId } from '../../../shared/domain/ids';
import { parsePhone } from '../../../shared/domain/phone';
import { addDays } from '../../../shared/domain/isoDate';
import type { Bilingual } from '../../../shared/domain/bilingual';
import type { CaseStatus } from '../../../shared/schemas/case';
import { getDb, type CounterDeskDb } from './database';
import { localCaseSchema, type LocalCase } from './records';

/**
 * Case search over IndexedDB indexes, built so that 200,000 local cases never come into memory:
 *
 * - A search text is classified once (case number with its check character, taxpayer id, phone, else a
 *   name prefix) and answered by the matching index; these are selective, so the few matches are read,
 *   filtered by the other criteria and sorted in memory (at most SELECTIVE_CAP of them).
 * - Without a text, status / service / date range map onto a compound index ending in receivedAt, so
 *   the count is an index count and a page is an index cursor advanced to its offset: no filter runs in
 *   JavaScript and the cost of a page does not grow with the number of cases.
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
  | { kind: 'invalid'; message: Bilingual };

export interface CaseResults {
  total: number;
  /** True when only the first SELECTIVE_CAP / SORT_CAP matches are listed. */
  capped: boolean;
  text: SearchText;
  /** The first FIRST_PAGE rows, read together with the count so that a search paints in one round trip. */
  firstPage: LocalCase[];
  fetch: (offset: number, limit: number) => Promise<LocalCase[]>;
}

export const FIRST_PAGE = 100;

export const SELECTIVE_CAP = 5_000;
export const SORT_CAP = 20_000;

const CASE_NO_LIKE = /^\s*\d{3}[\s-]?[A-Za-z0-9]{2,6}[\s-]?\d{6}/;

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
  if (/^[\d\s()+-]+$/.test(text)) return { kind: 'invalid', message: { zh: '查無此格式：請輸入完整的案件編號、證號或電話', en: 'Enter a whole case number, ID or phone number.' } };
  return { kind: 'name', value: text };
}

/** The first instant (UTC ISO) of a Taipei calendar date. */
export function taipeiDayStart(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00+08:00`).toISOString();
}

function parseRows(rows: readonly unknown[]): LocalCase[] {
  return rows.flatMap((row) => {
    const parsed = localCaseSchema.safeParse(row);
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

function inMemory(rows: LocalCase[], text: SearchText, capped: boolean): CaseResults {
  return { total: rows.length, capped, text, firstPage: rows.slice(0, FIRST_PAGE), fetch: async (offset, limit) => rows.slice(offset, offset + limit) };
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
    const where =
      text.kind === 'caseNo'
        ? db.cases.where('caseNo').equals(text.value)
        : text.kind === 'idNumber'
          ? db.cases.where('applicant.idNumber').equals(text.value)
          : text.kind === 'phone'
            ? db.cases.where('applicant.phone').equals(text.value)
            : db.cases.where('applicant.name').startsWith(text.value);
    const rows = await where.limit(SELECTIVE_CAP + 1).toArray();
    const capped = rows.length > SELECTIVE_CAP;
    const matches = parseRows(rows.slice(0, SELECTIVE_CAP)).filter(matchesFilters(q)).sort(compare(q.sort));
    return inMemory(matches, text, capped);
  }

  const filtered = Boolean(q.status || q.serviceId || q.from || q.to);
  if (!filtered && (q.sort === 'due-asc' || q.sort === 'caseNo-asc')) {
    const index = q.sort === 'due-asc' ? 'dueDate' : 'caseNo';
    const fetch = async (offset: number, limit: number) => parseRows(await db.cases.orderBy(index).offset(offset).limit(limit).toArray());
    const [total, firstPage] = await Promise.all([db.cases.count(), fetch(0, FIRST_PAGE)]);
    return { total, capped: false, text, firstPage, fetch };
  }

  const lo = q.from ? taipeiDayStart(q.from) : '';
  const hi = q.to ? taipeiDayStart(addDays(q.to, 1)) : '\uffff';
  const collection = () => {
    if (q.status && q.serviceId) return db.cases.where('[status+serviceId+receivedAt]').between([q.status, q.serviceId, lo], [q.status, q.serviceId, hi], true, false);
    if (q.status) return db.cases.where('[status+receivedAt]').between([q.status, lo], [q.status, hi], true, false);
    if (q.serviceId) return db.cases.where('[serviceId+receivedAt]').between([q.serviceId, lo], [q.serviceId, hi], true, false);
    return db.cases.where('receivedAt').between(lo, hi, true, false);
  };

  if (q.sort === 'due-asc' || q.sort === 'caseNo-asc') {
    const rows = await collection().limit(SORT_CAP + 1).toArray();
    return inMemory(parseRows(rows.slice(0, SORT_CAP)).sort(compare(q.sort)), text, rows.length > SORT_CAP);
  }
  const ordered = () => (q.sort === 'received-desc' ? collection().reverse() : collection());
  const fetch = async (offset: number, limit: number) => parseRows(await ordered().offset(offset).limit(limit).toArray());
  const [total, firstPage] = await Promise.all([collection().count(), fetch(0, FIRST_PAGE)]);
  return { total, capped: false, text, firstPage, fetch };
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
