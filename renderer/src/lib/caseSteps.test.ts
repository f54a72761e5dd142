import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskActor } from '../../../shared/domain/caseDesk';
import type { CaseRecord } from '../../../shared/schemas/case';
import { createCaseForTest } from '../db/createCaseForTest';
import { CounterDeskDb } from '../db/database';
import { getCase } from '../db/caseStore';
import { pendingMutations } from '../db/outbox';
import { StepRefused, takeStep } from './caseSteps';

const officer: DeskActor = { username: 'officer', roles: ['officer'], units: [{ unit: 'PROPERTY', position: 'officer' }] };
const stranger: DeskActor = { username: 'other', roles: ['officer'], units: [{ unit: 'CONSUMPTION', position: 'officer' }] };

function received(): CaseRecord {
  return {
    id: crypto.randomUUID(),
    caseNo: '115-KL01-000001-X',
    verifier: 'abcdefghijklmnopqrstuv',
    serviceId: 'HT-LOW-INCOME',
    channel: 'counter',
    applicant: { kind: 'person', idNumber: 'A123456789', name: '王小明', phone: '0912345678' },
    checklist: [{ document: '申請書 / application form', state: 'provided' }],
    status: 'received',
    receivedOn: '2026-12-07',
    receivedAt: '2026-12-07T02:00:00.000Z',
    dueDate: '2026-12-16',
    stationCode: 'KL01',
    createdBy: 'clerk',
    desk: { unit: 'PROPERTY', notes: [] },
  };
}

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
