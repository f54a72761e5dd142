import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/schemas/case';
import { buildCaseRecord } from '../testing/caseFixtures';
import { createCaseOf, deskClient, outcomeOf, transitionOf } from '../testing/deskClient';
import type { DeskClient } from '../testing/deskClient';
import { startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/**
 * The citizen hears once of each event of a case: received, documents requested, decided (approved or
 * rejected), handed over. Sending a proposal for approval, returning it and the desk steps that keep
 * the status (take, assign, note) are the bureau's own business and send nothing; replays and the same
 * step sent again by another device send nothing more.
 */
describe('the citizen’s SMS: once per event, through the desk', () => {
  let server: TestServer;
  let desk: DeskClient;
  let sequence = 900;

  beforeAll(async () => {
    server = await startTestServer();
    desk = deskClient(server);
    await desk.signIn('clerk', 'clerk-demo-2026');
    await desk.signIn('officer', 'officer-demo-2026');
    await desk.signIn('supervisor', 'supervisor-demo-2026');
  });
  afterAll(() => server.close());

  const messagesOf = async (caseId: string) =>
    (await server.db.query<{ kind: string; event_key: string; recipient: string | null; body: string }>('SELECT kind, event_key, recipient, body FROM notifications WHERE case_id = $1 ORDER BY id', [caseId])).rows;

  async function intake(overrides: Partial<CaseRecord>): Promise<CaseRecord> {
    sequence += 1;
    const record = buildCaseRecord(sequence, overrides);
    expect(outcomeOf((await desk.push('clerk', [createCaseOf(record)]))[0])).toBe('applied');
    return record;
  }

  it('walks a case from an intake with a document missing to its hand-over: received, deficiency at intake and at the officer\'s request, approved, closed', async () => {
    const record = await intake({
      status: 'awaiting-documents',
      clockPauses: [{ from: '2026-03-02' }],
      deficiency: { noticedOn: '2026-03-02', supplementBy: '2026-03-16' },
    });
    // The officer finds more missing while the applicant is still awaited: a notice of its own, listing it all.
    expect(await desk.step('officer', record.id, { action: 'request-documents', missing: ['戶籍謄本 / household record'], supplementBy: '2026-03-16' })).toBe('applied');
    expect(await desk.step('clerk', record.id, { action: 'documents-supplied' })).toBe('applied');
    expect(await desk.step('officer', record.id, { action: 'note', text: '文件已齊' })).toBe('applied');
    expect(await desk.step('officer', record.id, { action: 'propose', outcome: 'approve', reasons: '符合規定' })).toBe('applied');
    expect((await desk.stored(record.id)).status).toBe('pending-approval');
    expect(await desk.step('supervisor', record.id, { action: 'decide', outcome: 'approve' })).toBe('applied');
    expect(await desk.step('clerk', record.id, { action: 'hand-over', method: 'pickup' })).toBe('applied');
    expect((await desk.stored(record.id)).status).toBe('closed');

    const messages = await messagesOf(record.id);
    expect(messages.map((message) => message.kind)).toEqual(['received', 'deficiency', 'deficiency', 'approved', 'closed']);
    expect(messages.every((message) => message.recipient === record.applicant.phone && message.body.includes(record.caseNo))).toBe(true);
    expect(messages[1]?.body).toContain('115/03/16');

    // Every push again (lost answers), and the same steps sent anew (another device that had not pulled): nothing more.
    for (const who of ['clerk', 'officer', 'supervisor']) await desk.replay(who, 3);
    expect(await desk.step('supervisor', record.id, { action: 'decide', outcome: 'approve' })).toBe('step_not_allowed');
    expect(await desk.step('clerk', record.id, { action: 'hand-over', method: 'pickup' })).toBe('step_not_allowed');
    expect(outcomeOf((await desk.push('clerk', [transitionOf(record.id, 'closed')]))[0])).toBe('applied');
    expect((await messagesOf(record.id)).map((message) => message.kind)).toEqual(['received', 'deficiency', 'deficiency', 'approved', 'closed']);
  });

  it('tells of each request for documents and of a rejection; the proposal, its return and desk notes send nothing', async () => {
    const record = await intake({ checklist: [{ document: '申請書 / application form', state: 'provided' }] });
    expect(await desk.step('officer', record.id, { action: 'take' })).toBe('applied');
    expect(await desk.step('officer', record.id, { action: 'start-review' })).toBe('applied');
    expect(await desk.step('officer', record.id, { action: 'request-documents', missing: ['戶籍謄本 / household record'], supplementBy: '2026-03-12' })).toBe('applied');
    expect(await desk.step('clerk', record.id, { action: 'documents-supplied' })).toBe('applied');
    expect(await desk.step('officer', record.id, { action: 'request-documents', missing: ['地籍圖 / cadastral map'], supplementBy: '2026-03-13' })).toBe('applied');
    expect(await desk.step('clerk', record.id, { action: 'documents-supplied' })).toBe('applied');
    expect(await desk.step('officer', record.id, { action: 'propose', outcome: 'reject', reasons: '非自住' })).toBe('applied');
    expect(await desk.step('supervisor', record.id, { action: 'decide', outcome: 'return', reason: '請再查' })).toBe('applied');
    expect(await desk.step('officer', record.id, { action: 'propose', outcome: 'reject', reasons: '查無設籍' })).toBe('applied');
    expect(await desk.step('supervisor', record.id, { action: 'decide', outcome: 'reject' })).toBe('applied');
    expect(await desk.step('clerk', record.id, { action: 'hand-over', method: 'mail', registerNo: '123456' })).toBe('applied');

    const messages = await messagesOf(record.id);
    expect(messages.map((message) => message.kind)).toEqual(['received', 'deficiency', 'deficiency', 'rejected', 'closed']);
    // Each deficiency names its own deadline.
    expect(messages[1]?.body).toContain('115/03/12');
    expect(messages[2]?.body).toContain('115/03/13');
  });

  it('a same-day service completed on the spot is received and closed; a withdrawal sends nothing', async () => {
    const certificate = await intake({ serviceId: 'GEN-CERT' });
    expect(await desk.step('clerk', certificate.id, { action: 'complete-on-spot' })).toBe('applied');
    expect((await messagesOf(certificate.id)).map((message) => message.kind)).toEqual(['received', 'closed']);

    const withdrawn = await intake({});
    expect(await desk.step('clerk', withdrawn.id, { action: 'withdraw', reason: '申請人撤回' })).toBe('applied');
    expect((await messagesOf(withdrawn.id)).map((message) => message.kind)).toEqual(['received']);
  });
});
