import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskActor } from '../../../../shared/domain/caseDesk';
import type { CaseRecord } from '../../../../shared/schemas/case';
import { getCase } from '../../db/caseStore';
import { StepRefused } from '../../lib/caseSteps';
import { pendingMutations } from '../../db/outbox';
import { createCaseForTest } from '../../db/createCaseForTest';
import { CounterDeskDb } from '../../db/database';
import { caseRecordFixture } from '../../testing/caseRecordFixture';
import { describeError } from '../../lib/errorText';
import { DecisionRefused, applyDecision, decisionContext, outboxCaseDecisions } from './caseDecisions';

const chief: DeskActor = { username: 'supervisor', roles: ['supervisor'], units: [{ unit: 'PROPERTY', position: 'chief' }] };
const otherChief: DeskActor = { username: 'chief2', roles: ['supervisor'], units: [{ unit: 'CONSUMPTION', position: 'chief' }] };
const clerk: DeskActor = { username: 'clerk', roles: ['clerk'], units: [] };

const dbs: CounterDeskDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A house-tax registration (PROPERTY, decided by the chief) the officer proposed to approve. */
async function proposedCase(outcome: 'approve' | 'reject' = 'approve'): Promise<{ db: CounterDeskDb; record: CaseRecord }> {
  const db = new CounterDeskDb(`decisions-${dbs.length}-${crypto.randomUUID()}`);
  dbs.push(db);
  const record = caseRecordFixture(1, {
    status: 'pending-approval',
    checklist: [
      { document: '申報書 / declaration form', state: 'provided' },
      { document: '建物登記謄本 / building register transcript', state: 'provided' },
    ],
    desk: {
      unit: 'PROPERTY',
      assignee: 'officer',
      notes: [],
      proposal: { outcome, reasons: '符合自用住宅要件', facts: { granted: '自用住宅稅率', fromPeriod: '115年期' }, by: 'officer', at: '2026-11-30T02:00:00.000Z' },
    },
  });
  await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: () => record }, db);
  return { db, record };
}

async function queuedSteps(db: CounterDeskDb) {
  return (await pendingMutations(10, db)).slice(1).map((entry) => entry.mutation);
}

describe('a supervisor’s decisions, as desk steps through the outbox', () => {
  it('approves the proposal as a decide step, stores the decision, and tells the caller', async () => {
    const { db, record } = await proposedCase();
    let queued = 0;
    await outboxCaseDecisions(chief, () => (queued += 1), db).approve(record.id);
    const local = await getCase(record.id, db);
    expect(local?.status).toBe('approved');
    expect(local?.desk?.decision).toMatchObject({ outcome: 'approve', reasons: '符合自用住宅要件', level: 'chief', proposedBy: 'officer', decidedBy: 'supervisor' });
    expect(await queuedSteps(db)).toEqual([expect.objectContaining({ name: 'caseAction', args: { caseId: record.id, step: { action: 'decide', outcome: 'approve' } } })]);
    expect(queued).toBe(1);
  });

  it('needs reasons to decide otherwise than proposed, and refuses another unit’s chief and a clerk before writing anything', async () => {
    const { db, record } = await proposedCase('approve');
    await expect(outboxCaseDecisions(chief, undefined, db).reject(record.id, '')).rejects.toBeInstanceOf(StepRefused);
    await expect(outboxCaseDecisions(otherChief, undefined, db).approve(record.id)).rejects.toMatchObject({ code: 'level_not_allowed' });
    await expect(outboxCaseDecisions(clerk, undefined, db).approve(record.id)).rejects.toBeInstanceOf(StepRefused);
    expect((await getCase(record.id, db))?.status).toBe('pending-approval');
    expect(await queuedSteps(db)).toEqual([]);
    await outboxCaseDecisions(chief, undefined, db).reject(record.id, '查無自用事實');
    expect((await getCase(record.id, db))?.desk?.decision).toMatchObject({ outcome: 'reject', reasons: '查無自用事實' });
  });

  it('returns the case to the officer with the reason the officer reads on the desk', async () => {
    const { db, record } = await proposedCase();
    await outboxCaseDecisions(chief, undefined, db).returnToOfficer(record.id, '請補充現場照片說明');
    const local = await getCase(record.id, db);
    expect(local?.status).toBe('in-review');
    expect(local?.desk?.returned).toMatchObject({ reason: '請補充現場照片說明', by: 'supervisor' });
    expect(local?.desk?.proposal).toBeUndefined();
    expect(await queuedSteps(db)).toEqual([expect.objectContaining({ args: { caseId: record.id, step: { action: 'decide', outcome: 'return', reason: '請補充現場照片說明' } } })]);
  });

  it('returns for documents: the return, then the documents requested, and the §51 clock paused', async () => {
    const { db, record } = await proposedCase();
    const transcript = '建物登記謄本 / building register transcript';
    await applyDecision(outboxCaseDecisions(chief, undefined, db), 'return-documents', record.id, { reason: '缺謄本', days: 0, missing: [transcript] });
    const local = await getCase(record.id, db);
    expect(local?.status).toBe('awaiting-documents');
    expect(local?.checklist.map((item) => item.state)).toEqual(['provided', 'missing']);
    expect(local?.clockPauses?.at(-1)?.to).toBeUndefined();
    const steps = (await queuedSteps(db)).map((mutation) => (mutation.name === 'caseAction' ? mutation.args.step : mutation.name));
    expect(steps).toEqual([{ action: 'decide', outcome: 'return', reason: '缺謄本' }, expect.objectContaining({ action: 'request-documents', missing: [transcript] })]);
    await expect(outboxCaseDecisions(chief, undefined, db).returnForDocuments(record.id, 'x', [])).rejects.toBeInstanceOf(DecisionRefused);
  });

  it('asks for an extension as a setField the server checks', async () => {
    const { db, record } = await proposedCase();
    const decisions = outboxCaseDecisions(chief, undefined, db);
    await decisions.extend(record.id, 5, '需會勘');
    expect((await queuedSteps(db)).at(-1)).toMatchObject({ name: 'setField', args: { field: 'extension', base: null, value: { days: 5, reason: '需會勘' } } });
    const refused: unknown = await decisions.extend(record.id, 0, 'x').catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(DecisionRefused);
    // The supervisor reads why in words, in each language, never an unknown error.
    expect(describeError('zh-TW', refused)).toBe('延長天數須為正整數');
    expect(describeError('en', refused)).toBe('The extension must be a whole number of days');
  });

  it('shows the dialog the officer’s proposal and the level that decides, from this device’s copy', async () => {
    const { db, record } = await proposedCase('reject');
    const context = await decisionContext(record.id, db);
    expect(context.level).toBe('chief');
    expect(context.proposal).toMatchObject({ outcome: 'reject', reasons: '符合自用住宅要件', facts: { granted: '自用住宅稅率' }, by: 'officer' });
    expect(context.documents).toHaveLength(2);
    expect(await decisionContext(crypto.randomUUID(), db)).toEqual({ documents: [] });
  });
});
