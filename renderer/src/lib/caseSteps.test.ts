import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskActor } from '../../../shared/domain/caseDesk';
import type { CaseRecord } from '../../../shared/schemas/case';
import { caseRecordFixture } from '../testing/caseRecordFixture';
import { createCaseForTest } from '../db/createCaseForTest';
import { CounterDeskDb } from '../db/database';
import { getCase } from '../db/caseStore';
import { pendingMutations } from '../db/outbox';
import { StepRefused, takeStep } from './caseSteps';

const officer: DeskActor = { username: 'officer', roles: ['officer'], units: [{ unit: 'PROPERTY', position: 'officer' }] };
const stranger: DeskActor = { username: 'other', roles: ['officer'], units: [{ unit: 'CONSUMPTION', position: 'officer' }] };

/** A received case of the property tax section (HT-LOW-INCOME, decided by its chief). */
const received = (): CaseRecord => caseRecordFixture(1, { serviceId: 'HT-LOW-INCOME', desk: { unit: 'PROPERTY', notes: [] } });

async function saved(database: CounterDeskDb) {
  const record = received();
  return createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: () => record }, database);
}

let db: CounterDeskDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('a desk step on this device', () => {
  it('stores the new copy and queues one caseAction', async () => {
    db = new CounterDeskDb(`steps-${crypto.randomUUID()}`);
    const created = await saved(db);
    const next = await takeStep(created.id, { action: 'start-review' }, officer, db);
    expect(next.status).toBe('in-review');
    expect((await getCase(created.id, db))?.desk?.assignee).toBe('officer');
    const queued = (await pendingMutations(10, db)).map((entry) => entry.mutation);
    expect(queued.at(-1)).toMatchObject({ name: 'caseAction', args: { caseId: created.id, step: { action: 'start-review' } } });
  });

  it('refuses a step the rule refuses, storing and queueing nothing', async () => {
    db = new CounterDeskDb(`steps-${crypto.randomUUID()}`);
    const created = await saved(db);
    const before = await pendingMutations(10, db);
    await expect(takeStep(created.id, { action: 'start-review' }, stranger, db)).rejects.toBeInstanceOf(StepRefused);
    expect((await getCase(created.id, db))?.status).toBe('received');
    expect(await pendingMutations(10, db)).toHaveLength(before.length);
  });
});
