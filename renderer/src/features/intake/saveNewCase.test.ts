import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SEQUENCE } from '../../../../shared/domain/caseNumber';
import { defaultCatalogue, findService, type Service } from '../../../../shared/domain/catalogue';
import type { DeskActor } from '../../../../shared/domain/caseDesk';
import { remainingCaseNumbers, storeCaseNumberBlocks } from '../../db/caseNumberStore';
import { getCase } from '../../db/caseStore';
import { StepRefused } from '../../lib/caseSteps';
import { CounterDeskDb } from '../../db/database';
import { pendingMutations } from '../../db/outbox';
import { commonDocumentsFor } from './applicantKinds';
import { checklistDocuments } from './buildCase';
import { saveNewCase } from './saveNewCase';
import { validateIntake, emptyFields } from './validateIntake';

const clerk: DeskActor = { username: 'clerk', roles: ['clerk'], units: [] };
const at = new Date('2026-12-07T02:00:00.000Z');

let db: CounterDeskDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

async function station(): Promise<CounterDeskDb> {
  db = new CounterDeskDb(`new-case-${crypto.randomUUID()}`);
  await storeCaseNumberBlocks(db, 'KL01', [{ rocYear: 115, first: 1, last: MAX_SEQUENCE, highestUsed: 0 }]);
  return db;
}

function service(id: string): Service {
  const found = findService(defaultCatalogue, id);
  if (!found) throw new Error(`${id} is not in the catalogue`);
  return found;
}

function entered(serviceId: string, extra: Partial<typeof emptyFields> = {}) {
  const result = validateIntake({ ...emptyFields, serviceId, idNumber: 'A123456789', name: '王小明', phone: '0912345678', ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** Every listed document marked as handed over, as the clerk marks them. */
function allProvided(picked: Service) {
  return Object.fromEntries(checklistDocuments(picked, commonDocumentsFor(defaultCatalogue, 'person')).map(({ document }) => [document, 'provided' as const]));
}

describe('saving a new case', () => {
  it('queues createCase then complete-on-spot for a same-day case done at the counter, and stores it closed', async () => {
    const database = await station();
    const cert = service('GEN-CERT');
    const saved = await saveNewCase({ valid: entered('GEN-CERT'), service: cert, states: allProvided(cert), onSpot: true }, { stationCode: 'KL01', actor: clerk }, at, database);
    expect(saved.status).toBe('closed');
    expect(saved.desk?.handover).toEqual({ method: 'on-the-spot', on: '2026-12-07', by: 'clerk' });
    expect((await getCase(saved.id, database))?.desk?.closedOn).toBe('2026-12-07');
    const queued = (await pendingMutations(10, database)).map((entry) => entry.mutation);
    expect(queued.map((mutation) => mutation.name)).toEqual(['createCase', 'caseAction']);
    expect(queued[0]).toMatchObject({ args: { case: { id: saved.id, status: 'received', channel: 'counter' } } });
    expect(queued[1]).toMatchObject({ args: { caseId: saved.id, step: { action: 'complete-on-spot' } } });
    expect(queued[1]?.id).toBe((queued[0]?.id ?? 0) + 1);
  });

  it('does the same on the drive-through lane, under the lane’s channel', async () => {
    const database = await station();
    const cert = service('GEN-CERT');
    const saved = await saveNewCase({ valid: entered('GEN-CERT'), service: cert, states: allProvided(cert), onSpot: true }, { stationCode: 'KL01', actor: clerk, channel: 'drive-through' }, at, database);
    const queued = (await pendingMutations(10, database)).map((entry) => entry.mutation);
    expect(saved.channel).toBe('drive-through');
    expect(queued.map((mutation) => (mutation.name === 'caseAction' ? mutation.args.step.action : mutation.name))).toEqual(['createCase', 'complete-on-spot']);
  });

  it('stores nothing and uses no number when the rule refuses the completion', async () => {
    const database = await station();
    const before = await remainingCaseNumbers(database, 'KL01', 115);
    const register = service('HT-REGISTER');
    await expect(saveNewCase({ valid: entered('HT-REGISTER'), service: register, states: allProvided(register), onSpot: true }, { stationCode: 'KL01', actor: clerk }, at, database)).rejects.toBeInstanceOf(StepRefused);
    expect(await pendingMutations(10, database)).toEqual([]);
    expect(await database.cases.count()).toBe(0);
    expect(await remainingCaseNumbers(database, 'KL01', 115)).toBe(before);
  });

  it('keeps the channel the counter chose, a referral’s referrer and a re-examined case', async () => {
    const database = await station();
    const reexamination = service('GEN-REEXAMINATION');
    const relatedCase = { id: '0190f0e0-0000-7000-8000-000000000009', caseNo: '115-KL01-000009-X' };
    const saved = await saveNewCase(
      { valid: entered('GEN-REEXAMINATION', { channel: 'referral', referrerName: '林里長', referrerVillage: '仁愛里' }), service: reexamination, states: {}, channel: 'referral', relatedCase },
      { stationCode: 'KL01', actor: clerk },
      at,
      database,
    );
    const queued = (await pendingMutations(10, database)).map((entry) => entry.mutation);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ name: 'createCase', args: { case: { channel: 'referral', referrer: { name: '林里長', village: '仁愛里' }, relatedCase } } });
    expect(saved.relatedCase).toEqual(relatedCase);
  });

  it('keeps the queue ticket the applicant was called with, on the case and in its createCase', async () => {
    const database = await station();
    const cert = service('GEN-CERT');
    const ticket = { ticketId: '0190f0e0-0000-7000-8000-0000000000aa', number: 'A012', issuedAt: '2026-12-07T01:50:00.000Z', calledAt: '2026-12-07T01:58:00.000Z' };
    const saved = await saveNewCase({ valid: entered('GEN-CERT'), service: cert, states: allProvided(cert), ticket }, { stationCode: 'KL01', actor: clerk }, at, database);
    expect(saved.ticket).toEqual(ticket);
    expect((await getCase(saved.id, database))?.ticket).toEqual(ticket);
    const [queued] = (await pendingMutations(10, database)).map((entry) => entry.mutation);
    expect(queued).toMatchObject({ name: 'createCase', args: { case: { id: saved.id, ticket } } });
  });
});
