import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultCalendar } from '../../../shared/domain/calendar';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import { caseDueDate, versionsOf } from '../../../shared/domain/caseDueDate';
import { computeDueDate } from '../../../shared/domain/deadline';
import { CounterDeskDb } from '../db/database';
import { loadStoredCalendar, loadStoredCatalogue, storeCatalogue } from '../db/referenceStore';
import { compareCalendarVersions, getCalendar, getCatalogue, heldReference, loadReferenceData, referenceFor, refreshReferenceData, resetReferenceData } from './referenceData';

let counter = 0;
const dbs: CounterDeskDb[] = [];
function freshDb(): CounterDeskDb {
  counter += 1;
  const db = new CounterDeskDb(`reference-test-${counter}-${Date.now()}`);
  dbs.push(db);
  return db;
}

const api = { serverUrl: 'http://server.test', token: 'token', headers: { 'x-device-id': 'kl01' } };

const newerCatalogue: Catalogue = {
  ...defaultCatalogue,
  version: '2027.1',
  publishedAt: '2027-03-01T00:00:00+08:00',
  services: defaultCatalogue.services.map((s, i) => (i === 0 ? { ...s, nameZh: `${s.nameZh}（修訂）` } : s)),
};
const olderCatalogue: Catalogue = { ...defaultCatalogue, version: '2024.1', publishedAt: '2024-01-01T00:00:00+08:00', services: defaultCatalogue.services.slice(0, 1) };

// 2026-03-03 made a holiday: a working-day limit counted over it ends a day later.
const data = defaultCalendar.toData();
const year2026 = data.years['2026'] ?? { weekdayHolidays: [], makeUpWorkdays: [] };
const newerCalendarData = {
  ...data,
  version: '2024-2027.10',
  years: { ...data.years, '2026': { ...year2026, weekdayHolidays: [...year2026.weekdayHolidays, { date: '2026-03-03', name: '臨時停止上班' }] } },
};

interface Answer {
  status: number;
  body?: unknown;
}

/** A fake server: answers per path, and records the If-None-Match each request sent. */
function serve(answers: Record<string, Answer>): { ifNoneMatch: Map<string, string | null> } {
  const ifNoneMatch = new Map<string, string | null>();
  vi.stubGlobal('fetch', (input: URL | string, init?: RequestInit) => {
    const url = new URL(String(input));
    ifNoneMatch.set(url.pathname, new Headers(init?.headers).get('if-none-match'));
    const answer = answers[url.pathname] ?? { status: 404, body: { error: { code: 'not_found', message: 'no route' } } };
    const body = answer.body === undefined ? null : JSON.stringify(answer.body);
    return Promise.resolve(new Response(body, { status: answer.status, headers: body === null ? {} : { 'content-type': 'application/json' } }));
  });
  return { ifNoneMatch };
}

beforeEach(() => resetReferenceData());
afterEach(async () => {
  vi.unstubAllGlobals();
  resetReferenceData();
  for (const db of dbs.splice(0)) await db.delete();
});

describe('reference data', () => {
  it('starts with the built-in versions', () => {
    expect(getCatalogue()).toBe(defaultCatalogue);
    expect(getCalendar()).toBe(defaultCalendar);
  });

  it('takes a newer published version from the server, and keeps it across a reload', async () => {
    const db = freshDb();
    const server = serve({ '/v1/catalogue': { status: 200, body: newerCatalogue }, '/v1/calendar': { status: 200, body: newerCalendarData } });
    expect(await refreshReferenceData(api, db)).toEqual({ catalogue: true, calendar: true });
    expect(server.ifNoneMatch.get('/v1/catalogue')).toBe(`"${defaultCatalogue.version}"`);
    expect(getCatalogue().version).toBe('2027.1');
    expect(getCatalogue().services[0]?.nameZh).toMatch(/（修訂）$/);
    expect(getCalendar().version).toBe('2024-2027.10');
    expect(computeDueDate('2026-03-02', { days: 1, basis: 'working' }, { calendar: getCalendar() })).toBe('2026-03-04');
    expect(computeDueDate('2026-03-02', { days: 1, basis: 'working' })).toBe('2026-03-03');

    // A restart: the memory is back to the built-in versions until the store is read.
    resetReferenceData();
    expect(getCatalogue().version).toBe(defaultCatalogue.version);
    await loadReferenceData(db);
    expect(getCatalogue()).toEqual(newerCatalogue);
    expect(getCalendar().version).toBe('2024-2027.10');
    expect(getCalendar().isWorkingDay('2026-03-03')).toBe(false);

    // Holding it now, the device asks with its version and takes nothing on 304.
    const again = serve({ '/v1/catalogue': { status: 304 }, '/v1/calendar': { status: 304 } });
    expect(await refreshReferenceData(api, db)).toEqual({ catalogue: false, calendar: false });
    expect(again.ifNoneMatch.get('/v1/catalogue')).toBe('"2027.1"');
    expect(again.ifNoneMatch.get('/v1/calendar')).toBe('"2024-2027.10"');
    expect(getCatalogue().version).toBe('2027.1');
  });

  it('ignores an older version from the server', async () => {
    const db = freshDb();
    serve({ '/v1/catalogue': { status: 200, body: olderCatalogue }, '/v1/calendar': { status: 200, body: { ...data, version: '2024-2026.1' } } });
    expect(await refreshReferenceData(api, db)).toEqual({ catalogue: false, calendar: false });
    expect(getCatalogue()).toBe(defaultCatalogue);
    expect(getCalendar()).toBe(defaultCalendar);
    expect(await loadStoredCatalogue(db)).toBeUndefined();
    expect(await loadStoredCalendar(db)).toBeUndefined();
  });

  it('ignores a malformed answer, and a server without the routes', async () => {
    const db = freshDb();
    serve({ '/v1/catalogue': { status: 200, body: { version: '2099.1', services: 'none' } }, '/v1/calendar': { status: 200, body: { ...newerCalendarData, years: { '2026': { weekdayHolidays: [{ date: '2026-02-30', name: 'x' }], makeUpWorkdays: [] } } } } });
    expect(await refreshReferenceData(api, db)).toEqual({ catalogue: false, calendar: false });
    expect(getCatalogue()).toBe(defaultCatalogue);
    expect(getCalendar()).toBe(defaultCalendar);

    serve({});
    expect(await refreshReferenceData(api, db)).toEqual({ catalogue: false, calendar: false });
    expect(await loadStoredCatalogue(db)).toBeUndefined();
  });

  it('lets a refused request fail the sync like any other', async () => {
    const db = freshDb();
    serve({ '/v1/catalogue': { status: 403, body: { error: { code: 'device_revoked', message: 'revoked' } } } });
    await expect(refreshReferenceData(api, db)).rejects.toMatchObject({ status: 403, code: 'device_revoked' });
  });

  it('reads back nothing from a malformed or older stored row', async () => {
    const db = freshDb();
    await db.meta.put({ key: 'referenceCatalogue', value: { version: 'x', services: [] } });
    await db.meta.put({ key: 'referenceCalendar', value: { version: '9', years: { '2026': 'no' } } });
    expect(await loadStoredCatalogue(db)).toBeUndefined();
    expect(await loadStoredCalendar(db)).toBeUndefined();
    await loadReferenceData(db);
    expect(getCatalogue()).toBe(defaultCatalogue);
    expect(getCalendar()).toBe(defaultCalendar);

    // A stored version older than the built-in one (an app update shipped a newer one) is not used.
    await storeCatalogue(olderCatalogue, db);
    expect((await loadStoredCatalogue(db))?.version).toBe('2024.1');
    await loadReferenceData(db);
    expect(getCatalogue()).toBe(defaultCatalogue);
  });

  it('keeps every version taken, so a case is computed with the versions it names after newer ones arrive', async () => {
    const db = freshDb();
    const builtIn = { catalogue: defaultCatalogue.version, calendar: defaultCalendar.version };
    const taken = heldReference();
    expect(versionsOf(taken)).toEqual(builtIn);
    serve({ '/v1/catalogue': { status: 200, body: newerCatalogue }, '/v1/calendar': { status: 200, body: newerCalendarData } });
    await refreshReferenceData(api, db);
    const newer = { catalogue: '2027.1', calendar: '2024-2027.10' };
    expect(versionsOf(heldReference())).toEqual(newer);
    // 2026-03-03 is a holiday only in the newer calendar.
    const facts = { serviceId: 'GEN-REFUND', receivedOn: '2026-03-02' };
    expect(caseDueDate(facts, referenceFor(builtIn))).toBe(caseDueDate(facts, taken));
    expect(caseDueDate(facts, referenceFor(newer))).not.toBe(caseDueDate(facts, taken));
    // A case naming none is computed as the server computes it: with the built-in versions.
    expect(versionsOf(referenceFor(undefined))).toEqual(builtIn);
    // A name this device never took: the newest held stands in.
    expect(versionsOf(referenceFor({ catalogue: '1999.1', calendar: '1999.1' }))).toEqual(newer);

    // After a restart a version taken earlier is still there by name, though no longer the newest.
    const newest = { ...newerCalendarData, version: '2024-2027.11' };
    serve({ '/v1/catalogue': { status: 304 }, '/v1/calendar': { status: 200, body: newest } });
    await refreshReferenceData(api, db);
    resetReferenceData();
    expect(versionsOf(referenceFor(newer))).toEqual(builtIn);
    await loadReferenceData(db);
    expect(versionsOf(heldReference())).toEqual({ catalogue: '2027.1', calendar: '2024-2027.11' });
    expect(referenceFor(newer).calendar.toData()).toEqual(newerCalendarData);
    expect(referenceFor(newer).catalogue).toEqual(newerCatalogue);
  });

  it('orders calendar versions with numbers compared as numbers', () => {
    expect(compareCalendarVersions('2024-2027.2', '2024-2027.10')).toBeLessThan(0);
    expect(compareCalendarVersions('2025-2028.1', '2024-2027.9')).toBeGreaterThan(0);
    expect(compareCalendarVersions('2024-2027.1', '2024-2027.1')).toBe(0);
  });
});
