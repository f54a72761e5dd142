import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/schemas/case';
import type { Database } from '../db/database';
import { startFakeSmsGateway } from '../notifications/fakeGateway';
import type { FakeSmsGateway } from '../notifications/fakeGateway';
import { listCaseNotifications } from '../notifications/notificationStore';
import { recordCaseEvent } from '../notifications/recordCaseEvent';
import { createHttpSmsGateway } from '../notifications/smsGateway';
import { insertCaseIfAbsent } from '../store/caseStore';
import { buildCaseRecord } from '../testing/caseFixtures';
import { openTestDatabase } from '../testing/testDatabase';
import { sendDueNotifications } from './notificationSender';

const settings = { publicBaseUrl: 'https://kltb.example', bureauPhone: '(02) 2433-1888' };
const t0 = new Date('2026-03-02T01:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
let sequence = 0;

async function intake(db: Database, overrides: Partial<CaseRecord> = {}): Promise<CaseRecord> {
  sequence += 1;
  const record = buildCaseRecord(sequence, overrides);
  await db.transaction(async (tx) => {
    await insertCaseIfAbsent(tx, record, t0);
    await recordCaseEvent(tx, { caseId: record.id, at: t0, from: null, to: record.status, actor: 'clerk' }, settings);
  });
  return record;
}

describe('notification outbox and sender', () => {
  let db: Database;
  let gateway: FakeSmsGateway;

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());
  afterEach(async () => {
    await gateway.close();
    await db.query("UPDATE notifications SET status = 'sent' WHERE status IN ('pending', 'sending')");
  });

  // Generous, so that a loaded machine never times out where a test expects an answer; the timeout
  // test uses its own short one against a gateway that holds its answer far longer.
  const adapter = (token = 'fake-sms-token', timeoutMs = 5_000) => createHttpSmsGateway({ url: gateway.url, token, timeoutMs });

  it('sends an SMS exactly once although the gateway times out after accepting it and the job is retried', async () => {
    gateway = await startFakeSmsGateway({ hangMs: 3_000 });
    const record = await intake(db);
    gateway.failNext(1, 'timeout');

    const first = await sendDueNotifications(db, adapter('fake-sms-token', 300), { now: t0 });
    expect(first).toEqual({ sent: 0, retrying: 1, failed: 0 });
    // The gateway has the message, but the sender could not know.
    expect(gateway.messages()).toHaveLength(1);

    // Too early for the retry: nothing is claimed.
    expect(await sendDueNotifications(db, adapter(), { now: later(1_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const retried = await sendDueNotifications(db, adapter(), { now: later(60_000) });
    expect(retried).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(gateway.calls()).toBe(2);
    expect(gateway.messages()).toHaveLength(1);
    const [message] = gateway.messages();
    expect(message?.to).toBe('0912345678');
    expect(message?.body).toContain(record.caseNo);
    expect(message?.body).toContain(`https://kltb.example/q/${record.caseNo}?v=${record.verifier}`);

    expect(await sendDueNotifications(db, adapter(), { now: later(10 * 60_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const [row] = await listCaseNotifications(db, record.id);
    expect(row).toMatchObject({ kind: 'received', status: 'sent', attempts: 2, lastError: null });
  });

  it('queues one message per event however often the event is recorded', async () => {
    gateway = await startFakeSmsGateway();
    const record = await intake(db, { status: 'awaiting-documents' });
    // A replayed intake: the history keeps its first event and nothing more is queued.
    await db.transaction((tx) => recordCaseEvent(tx, { caseId: record.id, at: later(5), from: null, to: 'awaiting-documents', actor: 'clerk' }, settings));
    const rows = await listCaseNotifications(db, record.id);
    expect(rows.map((row) => row.kind)).toEqual(['received', 'deficiency']);
    await sendDueNotifications(db, adapter(), { now: t0 });
    await sendDueNotifications(db, adapter(), { now: later(60_000) });
    expect(gateway.messages()).toHaveLength(2);
  });

  it('skips a citizen without a mobile number, visibly on the case', async () => {
    gateway = await startFakeSmsGateway();
    const none = await intake(db, { applicant: { kind: 'person', idNumber: 'A123456789', name: '王大明', phone: '' } });
    const landline = await intake(db, { applicant: { kind: 'person', idNumber: 'A123456789', name: '王大明', phone: '0224331888' } });
    await sendDueNotifications(db, adapter(), { now: t0 });
    expect(gateway.calls()).toBe(0);
    for (const record of [none, landline]) {
      expect(await listCaseNotifications(db, record.id)).toEqual([expect.objectContaining({ kind: 'received', status: 'skipped', skipReason: 'no-mobile', sentAt: null })]);
    }
  });

  it('retries an outage with back-off and gives up on a permanent refusal', async () => {
    gateway = await startFakeSmsGateway();
    const outage = await intake(db);
    gateway.failNext(2, 'error');
    expect(await sendDueNotifications(db, adapter(), { now: t0 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    // The second attempt is due 30 s after the first, the third 60 s after the second.
    expect(await sendDueNotifications(db, adapter(), { now: later(30_000) })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await sendDueNotifications(db, adapter(), { now: later(60_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await sendDueNotifications(db, adapter(), { now: later(90_000) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(gateway.messages()).toHaveLength(1);
    expect((await listCaseNotifications(db, outage.id))[0]).toMatchObject({ status: 'sent', attempts: 3 });

    const refused = await intake(db);
    expect(await sendDueNotifications(db, adapter('wrong-token'), { now: t0 })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect((await listCaseNotifications(db, refused.id))[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('401') });
  });

  it('reclaims a message whose sender died mid-send, and only the current claim may settle it', async () => {
    gateway = await startFakeSmsGateway();
    const record = await intake(db);
    const { claimDueNotifications, markNotificationSent } = await import('../notifications/notificationStore');
    const [dead] = await claimDueNotifications(db, t0, 10, 60_000);
    expect(dead).toBeDefined();
    // Within the lease nobody else takes it; after it, the next run does.
    expect(await sendDueNotifications(db, adapter(), { now: later(30_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await sendDueNotifications(db, adapter(), { now: later(61_000) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    if (dead) expect(await markNotificationSent(db, dead, 'late', later(62_000))).toBe(false);
    expect((await listCaseNotifications(db, record.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(gateway.messages()).toHaveLength(1);
  });

  it('never lets two concurrent senders send one message twice', async () => {
    gateway = await startFakeSmsGateway();
    for (let i = 0; i < 6; i++) await intake(db);
    const runs = await Promise.all([0, 1, 2].map(() => sendDueNotifications(db, adapter(), { now: t0, batchSize: 4 })));
    const sent = runs.reduce((total, run) => total + run.sent, 0);
    const more = await sendDueNotifications(db, adapter(), { now: t0 });
    expect(sent + more.sent).toBe(6);
    expect(gateway.calls()).toBe(6);
    expect(new Set(gateway.messages().map((message) => message.idempotencyKey)).size).toBe(6);
  });
});
