import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../../shared/schemas/case';
import { getCase } from '../../db/caseStore';
import { pendingMutations } from '../../db/outbox';
import { createCaseForTest } from '../../db/createCaseForTest';
import { CounterDeskDb } from '../../db/database';
import { DecisionRefused, outboxCaseDecisions } from './caseDecisions';

const dbs: CounterDeskDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function pendingCase(): Promise<{ db: CounterDeskDb; record: CaseRecord }> {
  const db = new CounterDeskDb(`decisions-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  const record: CaseRecord = {
    id: '0190f0e0-0000-7000-8000-000000000001',
    caseNo: '115-KL01-000001-X',
    verifier: 'abcdefghijklmnopqrstuv',
    serviceId: 'HT-REGISTER',
    channel: 'counter',
    applicant: { kind: 'person', idNumber: 'A123456789', name: '王小明', phone: '0912345678' },
    checklist: [
      { document: '申報書 / declaration form', state: 'provided' },
      { document: '建物登記謄本 / building register transcript', state: 'provided' },
    ],
    status: 'pending-approval',
    receivedOn: '2026-11-27',
    receivedAt: '2026-11-27T02:00:00.000Z',
    dueDate: '2026-12-23',
    stationCode: 'KL01',
    createdBy: 'clerk',
  };
  await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: () => record }, db);
  return { db, record };
}

describe('supervisor decisions through the outbox', () => {
  it('queues an approval as a transition with its reason, and tells the caller', async () => {
    const { db, record } = await pendingCase();
    let queued = 0;
    await outboxCaseDecisions(['supervisor'], () => (queued += 1), db).approve(record.id, '符合規定');
    expect((await getCase(record.id, db))?.status).toBe('approved');
    const mutations = (await pendingMutations(10, db)).map((entry) => entry.mutation);
    expect(mutations.at(-1)).toMatchObject({ name: 'transition', args: { caseId: record.id, to: 'approved', reason: '符合規定' } });
    expect(queued).toBe(1);
  });

  it('refuses a clerk before anything is written', async () => {
    const { db, record } = await pendingCase();
    await expect(outboxCaseDecisions(['clerk'], undefined, db).reject(record.id, 'no')).rejects.toBeInstanceOf(DecisionRefused);
    expect((await getCase(record.id, db))?.status).toBe('pending-approval');
    expect(await pendingMutations(10, db)).toHaveLength(1);
  });

  it('returns a pending case for documents through review, marking what is missing', async () => {
    const { db, record } = await pendingCase();
    await outboxCaseDecisions(['supervisor'], undefined, db).returnForDocuments(record.id, '缺謄本', ['建物登記謄本 / building register transcript']);
    const local = await getCase(record.id, db);
    expect(local?.status).toBe('awaiting-documents');
    expect(local?.checklist.map((item) => item.state)).toEqual(['provided', 'missing']);
    const mutations = (await pendingMutations(10, db)).slice(1).map((entry) => entry.mutation);
    expect(mutations.map((m) => (m.name === 'transition' ? `transition:${m.args.to}` : m.name === 'setField' ? `setField:${m.args.field}` : m.name))).toEqual([
      'setField:checklist',
      'transition:in-review',
      'transition:awaiting-documents',
    ]);
  });

  it('asks for an extension as a setField the server checks', async () => {
    const { db, record } = await pendingCase();
    const decisions = outboxCaseDecisions(['supervisor'], undefined, db);
    await decisions.extend(record.id, 5, '需會勘');
    const last = (await pendingMutations(10, db)).at(-1)?.mutation;
    expect(last).toMatchObject({ name: 'setField', args: { field: 'extension', base: null, value: { days: 5, reason: '需會勘' } } });
    await expect(decisions.extend(record.id, 0, 'x')).rejects.toBeInstanceOf(DecisionRefused);
  });
});
