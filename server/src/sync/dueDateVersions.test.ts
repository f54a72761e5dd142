import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeCalendar, defaultCalendar } from '../../../shared/domain/calendar';
import type { OfficeCalendarData } from '../../../shared/domain/calendar';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import { caseDueDate } from '../../../shared/domain/caseDueDate';
import type { CaseRecord } from '../../../shared/schemas/case';
import { runAdmin } from '../cli/runAdmin';
import { findCaseById } from '../store/caseStore';
import { buildCaseRecord, createCaseMutation } from '../testing/caseFixtures';
import { startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/** The built-in calendar with one more holiday, under another name. */
function withHoliday(version: string, date: string): OfficeCalendarData {
  const data = defaultCalendar.toData();
  const year = data.years['2026'] ?? { weekdayHolidays: [], makeUpWorkdays: [] };
  return { ...data, version, years: { ...data.years, '2026': { ...year, weekdayHolidays: [...year.weekdayHolidays, { date, name: '停止上班' }] } } };
}

// Version A makes Tuesday 2026-03-10 a holiday; B, published after it, moves that day off to 03-25.
const calendarA = withHoliday('2024-2027.7', '2026-03-10');
const calendarB = withHoliday('2024-2027.8', '2026-03-25');
const referenceA = { catalogue: defaultCatalogue, calendar: OfficeCalendar.fromData(calendarA) };
const referenceB = { catalogue: defaultCatalogue, calendar: OfficeCalendar.fromData(calendarB) };
const namesA = { catalogue: defaultCatalogue.version, calendar: calendarA.version };

describe('due dates on the versions a case names (decision 0028)', () => {
  let server: TestServer;
  let dir: string;
  let sequence = 900;
  /** An install pushing as a user: its own client id and mutation ids. */
  interface Client {
    token: string;
    clientId: string;
    last: number;
  }
  let clerk: Client;

  async function publish(data: OfficeCalendarData): Promise<void> {
    const file = join(dir, `${data.version}.json`);
    await writeFile(file, JSON.stringify(data));
    const errors: string[] = [];
    const code = await runAdmin(['publish', 'calendar', file], { db: server.db, print: () => undefined, printError: (line) => errors.push(line), now: server.clock.now, actor: 'cli:test' });
    expect(code, errors.join('\n')).toBe(0);
  }

  async function pushOne(client: Client, mutation: (id: number) => unknown) {
    client.last += 1;
    const { results } = await server.push(client.token, client.clientId, [mutation(client.last)]);
    return results[0];
  }

  const intake = (overrides: Partial<CaseRecord>) => buildCaseRecord(++sequence, { clockPauses: [], ...overrides });
  const stored = async (id: string) => (await findCaseById(server.db, id))?.record;

  beforeAll(async () => {
    server = await startTestServer();
    dir = await mkdtemp(join(tmpdir(), 'counterdesk-versions-'));
    clerk = { token: await server.signIn(), clientId: randomUUID(), last: 0 };
    await publish(calendarA);
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores an intake whose due date its versions give, and refuses one that disagrees or names a version the server lacks', async () => {
    // LVT-SELF-USE, 12 working days from Monday 2026-03-02: 03-18 on the built-in calendar, 03-19 on A.
    const good = intake({ versions: namesA, dueDate: '2026-03-19' });
    expect(await pushOne(clerk, (id) => createCaseMutation(id, good))).toMatchObject({ status: 'applied' });
    expect((await stored(good.id))?.versions).toEqual(namesA);

    const builtInDate = intake({ versions: namesA, dueDate: '2026-03-18' });
    expect(await pushOne(clerk, (id) => createCaseMutation(id, builtInDate))).toMatchObject({ status: 'rejected', code: 'due_date_mismatch' });
    const unknown = intake({ versions: { ...namesA, calendar: '2099-2102.1' }, dueDate: '2026-03-19' });
    expect(await pushOne(clerk, (id) => createCaseMutation(id, unknown))).toMatchObject({ status: 'rejected', code: 'unknown_version', message: expect.stringContaining('calendar 2099-2102.1') });
    const noService = intake({ versions: namesA, serviceId: 'NO-SUCH', dueDate: '2026-03-19' });
    expect(await pushOne(clerk, (id) => createCaseMutation(id, noService))).toMatchObject({ status: 'rejected', code: 'unknown_service' });
    expect(await stored(builtInDate.id)).toBeUndefined();
    expect(await stored(unknown.id)).toBeUndefined();
  });

  it('gives a case from an older device the first known versions that agree with it, and refuses it when none does', async () => {
    const builtIn = intake({ dueDate: '2026-03-18' });
    const onA = intake({ dueDate: '2026-03-19' });
    const onNone = intake({ dueDate: '2026-03-20' });
    expect(await pushOne(clerk, (id) => createCaseMutation(id, builtIn))).toMatchObject({ status: 'applied' });
    expect(await pushOne(clerk, (id) => createCaseMutation(id, onA))).toMatchObject({ status: 'applied' });
    expect(await pushOne(clerk, (id) => createCaseMutation(id, onNone))).toMatchObject({ status: 'rejected', code: 'due_date_mismatch', message: expect.stringContaining('give 2026-03-18') });
    expect((await stored(builtIn.id))?.versions).toEqual({ catalogue: defaultCatalogue.version, calendar: defaultCalendar.version });
    expect((await stored(onA.id))?.versions).toEqual(namesA);
  });

  it('recomputes after a pause and for the extension with the versions named, not with a calendar published later', async () => {
    // Taken with A while awaiting documents; B is published before the device is back online.
    const awaiting = intake({ versions: namesA, status: 'awaiting-documents', clockPauses: [{ from: '2026-03-02' }], dueDate: '2026-03-19' });
    await publish(calendarB);
    expect(await pushOne(clerk, (id) => createCaseMutation(id, awaiting))).toMatchObject({ status: 'applied' });

    // The documents arrive on 03-04: the clock restarts from 03-05.
    server.clock.advance(2 * 24 * 60 * 60 * 1000);
    clerk.token = await server.signIn();
    const transition = (id: number) => ({ id, name: 'transition', args: { caseId: awaiting.id, to: 'received' }, createdAt: server.clock.now().toISOString() });
    expect(await pushOne(clerk, transition)).toMatchObject({ status: 'applied' });
    const resumed = await stored(awaiting.id);
    const pauses = [{ from: '2026-03-02', to: '2026-03-04' }];
    expect(resumed?.clockPauses).toEqual(pauses);
    const facts = { ...awaiting, clockPauses: pauses };
    expect(resumed?.dueDate).toBe(caseDueDate(facts, referenceA));
    expect(caseDueDate(facts, referenceB)).not.toBe(resumed?.dueDate);

    const supervisor = { token: await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' }), clientId: randomUUID(), last: 0 };
    const extend = (id: number) => ({ id, name: 'setField', args: { caseId: awaiting.id, field: 'extension', base: null, value: { days: 1, reason: '需會勘' } }, createdAt: server.clock.now().toISOString() });
    expect(await pushOne(supervisor, extend)).toMatchObject({ status: 'applied' });
    const extended = await stored(awaiting.id);
    expect(extended?.dueDate).toBe(caseDueDate(facts, referenceA, { extensionDays: 1 }));
    expect(caseDueDate(facts, referenceB, { extensionDays: 1 })).not.toBe(extended?.dueDate);
  });
});
