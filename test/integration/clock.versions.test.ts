import 'fake-indexeddb/auto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeCalendar, defaultCalendar } from '../../shared/domain/calendar';
import type { OfficeCalendarData } from '../../shared/domain/calendar';
import { documentLabel } from '../../shared/domain/catalogue';
import type { Service } from '../../shared/domain/catalogue';
import { caseDueDate, versionsOf } from '../../shared/domain/caseDueDate';
import type { CaseReference } from '../../shared/domain/caseDueDate';
import { rocYearAt } from '../../shared/domain/caseNumberBlocks';
import { addDays, dayOfWeek } from '../../shared/domain/isoDate';
import { taipeiDate } from '../../shared/domain/rocDate';
import type { CaseRecord } from '../../shared/schemas/case';
import { runAdmin } from '../../server/src/cli/runAdmin';
import { findCaseById } from '../../server/src/store/caseStore';
import { CaseReferences } from '../../server/src/sync/caseReferences';
import { checkIntakeDueDate } from '../../server/src/sync/checkIntakeDueDate';
import { createCase, updateCase } from '../../renderer/src/db/caseStore';
import { listRejectedMutations } from '../../renderer/src/db/outbox';
import { buildCaseRecord, intakeContextAt } from '../../renderer/src/features/intake/buildCase';
import type { IntakeValues } from '../../renderer/src/features/intake/buildCase';
import { supplyDocuments } from '../../renderer/src/features/notice/deficiency';
import { heldReference, refreshReferenceData, resetReferenceData } from '../../renderer/src/lib/referenceData';
import { startWorld, type SimDevice, type World } from './support/syncWorld';

/**
 * Decision 0028's proof: a device takes cases with calendar version A; version B, published after,
 * moves A's extra holidays; the server computes every case with A — as the device did — and not with
 * B nor with its built-in calendar. The device path is the renderer's intake (buildCaseRecord with
 * the versions it holds after taking A from the server); the server path is what createCase and the
 * clock steps run, on the server's own store of published versions.
 */

const FIRST_RECEIPT = '2024-01-01';
// The longest limit (60 calendar days) from the last receipt day still ends inside the calendar.
const LAST_RECEIPT = '2027-10-15';

/** The built-in calendar with each year's first working Wednesday of every month (+ shift days) made a holiday. */
function calendarWithExtraHolidays(version: string, shift: number): OfficeCalendarData {
  const data = defaultCalendar.toData();
  const years: OfficeCalendarData['years'] = {};
  for (const [year, entry] of Object.entries(data.years)) {
    const taken = new Set([...entry.weekdayHolidays, ...entry.makeUpWorkdays].map((e) => e.date));
    const extra = [];
    for (let month = 1; month <= 12; month += 1) {
      let day = `${year}-${String(month).padStart(2, '0')}-01`;
      while (dayOfWeek(day) !== 3 || taken.has(day)) day = addDays(day, 1);
      const date = addDays(day, shift);
      if (!taken.has(date)) extra.push({ date, name: '颱風停止上班' });
    }
    years[year] = { ...entry, weekdayHolidays: [...entry.weekdayHolidays, ...extra] };
  }
  return { ...data, version, years };
}

const calendarA = calendarWithExtraHolidays('2024-2027.21', 0);
// B moves each of A's extra holidays from the Wednesday to the Thursday after it.
const calendarB = calendarWithExtraHolidays('2024-2027.22', 1);

const dayCount = (Date.parse(LAST_RECEIPT) - Date.parse(FIRST_RECEIPT)) / 86_400_000;
const receiptDate = fc.integer({ min: 0, max: dayCount }).map((offset) => addDays(FIRST_RECEIPT, offset));

/** The renderer's intake of `service` received on `receivedOn`, its documents all given or the first one missing. */
function intakeValues(service: Service, missingFirst: boolean, reference: CaseReference): IntakeValues {
  const states = Object.fromEntries(service.documents.map((doc, index) => [documentLabel(doc), missingFirst && index === 0 ? 'missing' : 'provided'] as const));
  return { serviceId: service.id, kind: 'person', idNumber: 'A123456789', idKind: 'nationalId', name: '王大明', phone: '0912345678', service, states, commonDocuments: [], reference };
}

describe('one clock for device and server across calendar versions', () => {
  let world: World;
  let device: SimDevice;
  let dir: string;
  let takenWith: CaseReference;
  // The server's clock stays at the moment the test starts, so "today" is one day on both sides.
  const serverNow = new Date();
  const today = taipeiDate(serverNow);
  const onB = (): CaseReference => ({ ...takenWith, calendar: OfficeCalendar.fromData(calendarB) });

  async function publish(data: OfficeCalendarData): Promise<void> {
    const file = join(dir, `${data.version}.json`);
    await writeFile(file, JSON.stringify(data));
    const errors: string[] = [];
    const code = await runAdmin(['publish', 'calendar', file], { db: world.db, print: () => undefined, printError: (line) => errors.push(line), now: () => new Date(), actor: 'cli:test' });
    expect(code, errors.join('\n')).toBe(0);
  }

  /** The device's sync of reference data, as after each sync in the app. */
  const refresh = () => refreshReferenceData({ serverUrl: device.serverUrl, token: device.token, headers: device.headers }, device.db);

  beforeAll(async () => {
    world = await startWorld({ now: () => serverNow });
    dir = await mkdtemp(join(tmpdir(), 'counterdesk-clock-'));
    device = await world.addDevice({ direct: true });
    resetReferenceData();
    await publish(calendarA);
    await refresh();
    takenWith = heldReference();
  });
  afterAll(async () => {
    resetReferenceData();
    await world.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('computes the same due date for every service on 2,000 random receipt dates, with B published after A', { timeout: 300_000 }, async () => {
    expect(versionsOf(takenWith)).toMatchObject({ calendar: calendarA.version });
    // B arrives after the cases were taken (they are checked below as the device pushes them later).
    await publish(calendarB);
    const references = new CaseReferences();
    const builtIn: CaseReference = { ...takenWith, calendar: defaultCalendar };
    let differsOnB = 0;
    let differsBuiltIn = 0;
    let sequence = 0;

    await fc.assert(
      fc.asyncProperty(receiptDate, fc.boolean(), async (receivedOn, missingFirst) => {
        const context = intakeContextAt(new Date(`${receivedOn}T10:00:00+08:00`), device.stationCode, 'clerk');
        for (const service of takenWith.catalogue.services) {
          sequence += 1;
          const onDevice = buildCaseRecord(intakeValues(service, missingFirst, takenWith), context, sequence);
          const onServer = await checkIntakeDueDate(world.db, onDevice, references);
          expect(onServer.ok ? versionsOf(onServer.reference) : onServer.rejection).toEqual(versionsOf(takenWith));
          // The server computes with A whatever it holds besides: B and its built-in calendar answer otherwise for many.
          if (caseDueDate(onDevice, onB(), { asOf: receivedOn }) !== onDevice.dueDate) differsOnB += 1;
          if (caseDueDate(onDevice, builtIn, { asOf: receivedOn }) !== onDevice.dueDate) differsBuiltIn += 1;
        }
      }),
      { numRuns: 2000, seed: 28 },
    );
    expect(sequence).toBe(2000 * takenWith.catalogue.services.length);
    expect(differsOnB).toBeGreaterThan(sequence / 20);
    expect(differsBuiltIn).toBeGreaterThan(sequence / 20);
  });

  it('stores an offline intake taken with A after B is published, and resumes its clock with A on both sides', { timeout: 120_000 }, async () => {
    const rocYear = rocYearAt(new Date());
    const taken: CaseRecord[] = [];
    // Offline: every service, once complete and once awaiting documents.
    const dates = ['2026-12-01', '2026-12-02', '2026-12-29', '2027-01-04'];
    for (const [index, service] of takenWith.catalogue.services.entries()) {
      for (const missingFirst of [false, true]) {
        const receivedOn = dates[(index + Number(missingFirst)) % dates.length] ?? '2026-12-01';
        const context = { ...intakeContextAt(new Date(`${receivedOn}T10:00:00+08:00`), device.stationCode, 'clerk'), rocYear };
        const values = intakeValues(service, missingFirst, takenWith);
        taken.push(await createCase({ stationCode: device.stationCode, rocYear, build: (sequence) => buildCaseRecord(values, context, sequence) }, device.db));
      }
    }
    // Back online after B was published (previous test): the push, then the device takes B.
    await device.sync();
    expect(await listRejectedMutations(device.db)).toEqual([]);
    await refresh();
    expect(heldReference().calendar.version).toBe(calendarB.version);
    for (const record of taken) {
      const stored = (await findCaseById(world.db, record.id))?.record;
      expect(stored).toMatchObject({ dueDate: record.dueDate, versions: versionsOf(takenWith) });
    }
    expect(taken.filter((record) => caseDueDate(record, onB(), { asOf: record.receivedOn }) !== record.dueDate).length).toBeGreaterThan(0);

    // The documents arrive today: the device resumes the clock itself, the server again on its copy.
    const awaiting = taken.filter((record) => record.status === 'awaiting-documents');
    expect(awaiting.length).toBeGreaterThan(0);
    const onDevice = new Map<string, string>();
    for (const record of awaiting) {
      const missing = record.checklist.filter((item) => item.state === 'missing').map((item) => item.document);
      const next = await updateCase(record.id, (current) => supplyDocuments(current, missing, today), device.db);
      onDevice.set(record.id, next.dueDate);
    }
    await device.sync();
    expect(await listRejectedMutations(device.db)).toEqual([]);
    for (const record of awaiting) {
      const stored = (await findCaseById(world.db, record.id))?.record;
      expect(stored?.status).toBe('received');
      expect(stored?.dueDate).toBe(onDevice.get(record.id));
    }
    const resumedOnB = awaiting.map((record) => caseDueDate({ ...record, clockPauses: [{ from: record.receivedOn, to: today < record.receivedOn ? record.receivedOn : today }] }, onB()));
    expect(resumedOnB.filter((dueDate, index) => dueDate !== onDevice.get(awaiting[index]?.id ?? '')).length).toBeGreaterThan(0);
  });
});
