import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlannedVisit, RecordedOutcome } from '../../../../shared/schemas/visit';
import { createCaseForTest } from '../../db/createCaseForTest';
import { CounterDeskDb } from '../../db/database';
import { getVisit, linkVisitCase, recordLocalOutcome, saveDownloadedPlan } from '../../db/visitStore';
import { caseRecordFixture, plannedVisitFixture } from '../../testing/caseRecordFixture';
import { sendVisitOutcomes } from './sendVisitOutcomes';

const dbs: CounterDeskDb[] = [];
function freshDb(): CounterDeskDb {
  const db = new CounterDeskDb(`send-outcomes-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return db;
}

afterEach(async () => {
  vi.unstubAllGlobals();
  for (const db of dbs.splice(0)) await db.delete();
});

const api = { serverUrl: 'http://server.test' };
const ids = { a: '0190f0e0-0000-7000-8000-00000000000a', b: '0190f0e0-0000-7000-8000-00000000000b', c: '0190f0e0-0000-7000-8000-00000000000c' };
const caseId = '0190f0e0-0000-7000-8000-0000000000ca';

function visit(id: string, time: string): PlannedVisit {
  return plannedVisitFixture(1, { id, time });
}

const caseRecord = caseRecordFixture(1, {
  id: caseId,
  serviceId: 'HT-LOW-INCOME',
  channel: 'field-visit',
  applicant: { kind: 'person', idNumber: 'A123456789', name: '陳阿嬤', phone: '0912345678' },
  checklist: [{ document: '申請書 / application form', state: 'provided' }],
  createdBy: 'fieldstaff',
});

const recorded = (state: 'done' | 'not-done'): RecordedOutcome => ({
  state,
  reason: state === 'done' ? null : '無人在家',
  caseId: state === 'done' ? caseId : null,
  caseNo: state === 'done' ? caseRecord.caseNo : null,
  receipt: state === 'done' ? 'sms' : null,
  recordedAt: '2026-11-27T09:00:00.000Z',
  reportedBy: 'fieldstaff',
  sms: state === 'done' ? 'pending' : 'none',
});

/** The server as the outcome route answers: per visit id, a status and body; every request is recorded. */
function serve(answers: Record<string, { status: number; body: unknown } | 'network-down'>): string[] {
  const sent: string[] = [];
  vi.stubGlobal('fetch', (input: URL | string) => {
    const visitId = /\/v1\/visits\/([^/]+)\/outcome$/.exec(new URL(String(input)).pathname)?.[1] ?? '';
    sent.push(visitId);
    const answer = answers[visitId];
    if (!answer || answer === 'network-down') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } }));
  });
  return sent;
}

async function dayWithThreeOutcomes(db: CounterDeskDb): Promise<void> {
  await saveDownloadedPlan({ planDate: '2026-11-27', generatedAt: '2026-11-27T00:00:00.000Z', visits: [visit(ids.a, '09:00'), visit(ids.b, '10:00'), visit(ids.c, '11:00')] }, db);
  await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: () => caseRecord }, db);
  await linkVisitCase(ids.a, caseId, caseRecord.caseNo, db);
  await recordLocalOutcome(ids.a, { state: 'done', caseId, receipt: 'sms', reportedAt: '2026-11-27T02:10:00.000Z' }, db);
  await recordLocalOutcome(ids.b, { state: 'not-done', reason: '無人在家', reportedAt: '2026-11-27T03:00:00.000Z' }, db);
  await recordLocalOutcome(ids.c, { state: 'not-done', reason: '改期', reportedAt: '2026-11-27T04:00:00.000Z' }, db);
}

describe('sendVisitOutcomes', () => {
  it('holds an outcome back until its case has synced, and sends the others', async () => {
    const db = freshDb();
    await dayWithThreeOutcomes(db);
    const sent = serve({
      [ids.a]: { status: 200, body: { visitId: ids.a, outcome: recorded('done'), replay: false } },
      [ids.b]: { status: 200, body: { visitId: ids.b, outcome: recorded('not-done'), replay: false } },
      [ids.c]: { status: 409, body: { error: { code: 'conflict', message: 'already has its outcome' } } },
    });
    expect(await sendVisitOutcomes(api, db)).toEqual({ sent: 1, waiting: 1, failed: 1 });
    expect(sent.sort()).toEqual([ids.b, ids.c].sort());
    expect(await getVisit(ids.a, db)).toMatchObject({ outcomeSync: 'pending' });
    expect(await getVisit(ids.b, db)).toMatchObject({ outcomeSync: 'sent', outcome: { state: 'not-done', reason: '無人在家' } });
    expect(await getVisit(ids.c, db)).toMatchObject({ outcomeSync: 'failed', outcomeError: 'conflict' });

    // The case syncs; the next run sends its outcome, and nothing already sent goes again.
    await db.cases.update(caseId, { syncState: 'synced' });
    sent.length = 0;
    expect(await sendVisitOutcomes(api, db)).toEqual({ sent: 1, waiting: 0, failed: 0 });
    expect(sent).toEqual([ids.a]);
    expect(await getVisit(ids.a, db)).toMatchObject({ outcomeSync: 'sent', outcome: { caseNo: caseRecord.caseNo, sms: 'pending' } });
  });

  it('stops at a network failure and keeps every outcome pending for the next run', async () => {
    const db = freshDb();
    await dayWithThreeOutcomes(db);
    serve({ [ids.b]: 'network-down', [ids.c]: 'network-down' });
    await expect(sendVisitOutcomes(api, db)).rejects.toThrow();
    for (const id of [ids.b, ids.c]) expect(await getVisit(id, db)).toMatchObject({ outcomeSync: 'pending' });
  });
});
