import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCaseNo } from '../../../shared/domain/caseNumber';
import type { CaseRecord } from '../../../shared/schemas/case';
import type { CaseAction } from '../../../shared/schemas/caseDesk';
import { publicProgressSchema } from '../public/publicProgress';
import type { PublicProgress } from '../public/publicProgress';
import { seedCaseWithHistory } from '../reports/seedCaseHistory';
import { buildCaseRecord } from '../testing/caseFixtures';
import { createCaseOf, deskClient, outcomeOf } from '../testing/deskClient';
import type { DeskClient } from '../testing/deskClient';
import { addDeskPeople, deskPersonPassword } from '../testing/deskPeople';
import { startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

const DAY = 24 * 60 * 60 * 1000;

/** Stage, state, day and the words the citizen reads: what a test compares. */
const stagesOf = (body: PublicProgress) => body.steps.map((step) => [step.step, step.state, step.on, step.label.en, ...(step.detail ? [step.detail.en] : [])]);

describe('the citizen progress page: stages, what is missing, contact, enumeration', () => {
  let server: TestServer;
  let desk: DeskClient;
  const approved = buildCaseRecord(301, { applicant: { kind: 'person', idNumber: 'A123456789', name: '陳美玲', phone: '0912345678' } });
  const awaiting = buildCaseRecord(302, {
    status: 'awaiting-documents',
    deficiency: { noticedOn: '2026-03-03', supplementBy: '2026-03-17' },
    checklist: [
      { document: '申請書 / application form', state: 'provided' },
      { document: '建物登記謄本 / building register transcript', state: 'missing' },
      { document: '戶籍謄本 / household record', state: 'missing' },
    ],
  });
  let sequence = 310;

  beforeAll(async () => {
    server = await startTestServer();
    desk = deskClient(server);
    await addDeskPeople(server.db, [
      { username: 'wangxm', roles: ['officer'], units: [{ unit: 'PROPERTY', position: 'officer' }] },
      { username: 'chiefli', roles: ['supervisor'], units: [{ unit: 'PROPERTY', position: 'chief' }] },
    ]);
    await signInEveryone();
    await seedCaseWithHistory(server.db, approved, [
      { at: '2026-03-02T09:15:00+08:00', to: 'received' },
      { at: '2026-03-03T10:00:00+08:00', to: 'in-review' },
      { at: '2026-03-05T11:00:00+08:00', to: 'pending-approval' },
      { at: '2026-03-05T16:00:00+08:00', extensionDays: 5, to: 'pending-approval', reason: '需會勘' },
      { at: '2026-03-06T00:30:00+08:00', to: 'approved', actor: 'supervisor' },
    ]);
    await seedCaseWithHistory(server.db, awaiting, [
      { at: '2026-03-02T09:15:00+08:00', to: 'received' },
      { at: '2026-03-03T09:00:00+08:00', to: 'awaiting-documents', reason: '缺建物登記謄本' },
    ]);
  });
  afterAll(() => server.close());

  async function signInEveryone(): Promise<void> {
    await desk.signIn('clerk', 'clerk-demo-2026');
    await desk.signIn('wangxm', deskPersonPassword);
    await desk.signIn('chiefli', deskPersonPassword);
  }
  /** The next working day's morning on the server's clock; sessions are made again, as people sign in each day. */
  async function nextDay(days = 1): Promise<void> {
    server.clock.advance(days * DAY);
    await signInEveryone();
  }
  async function intake(overrides: Partial<CaseRecord> = {}): Promise<CaseRecord> {
    sequence += 1;
    const record = buildCaseRecord(sequence, { receivedOn: '2026-03-02', ...overrides });
    expect(outcomeOf((await desk.push('clerk', [createCaseOf(record)]))[0])).toBe('applied');
    return record;
  }
  async function steps(caseId: string, taken: ReadonlyArray<[string, CaseAction]>): Promise<void> {
    for (const [who, step] of taken) expect(await desk.step(who, caseId, step), `${who} ${step.action}`).toBe('applied');
  }

  const get = (url: string, ip = '203.0.113.7') => server.app.inject({ method: 'GET', url, remoteAddress: ip });
  const progressOf = async (record: CaseRecord) => publicProgressSchema.parse((await get(`/v1/public/cases/${record.caseNo}?v=${record.verifier}`)).json());
  const pageOf = async (record: CaseRecord) => (await get(`/q/${record.caseNo}?v=${record.verifier}`)).body;

  it('gives each stage the day the case reached it, in Taipei time; a proposal awaiting approval is still in review', async () => {
    const body = await progressOf(approved);
    expect(body.status).toBe('approved');
    expect(stagesOf(body)).toEqual([
      ['received', 'done', '2026-03-02', 'Received'],
      ['in-review', 'done', '2026-03-03', 'Review'],
      ['decided', 'current', '2026-03-06', 'Approved'],
      ['closed', 'upcoming', null, 'Result handed over, closed'],
    ]);
    expect(body.extended).toBe(true);
    expect(body.missingDocuments).toEqual([]);
    expect(body.decisionReasons).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/陳美玲|A123456789|0912345678|需會勘|supervisor|clerk/);
  });

  it('lists what is missing and by when while the applicant is awaited', async () => {
    const body = await progressOf(awaiting);
    expect(body.missingDocuments).toEqual([
      { zh: '建物登記謄本', en: 'building register transcript' },
      { zh: '戶籍謄本', en: 'household record' },
    ]);
    expect(body.supplementBy).toBe('2026-03-17');
    expect(stagesOf(body)).toEqual([
      ['received', 'done', '2026-03-02', 'Received'],
      ['documents-requested', 'current', '2026-03-03', 'Documents requested'],
      ['documents-supplied', 'upcoming', null, 'Documents supplied'],
      ['in-review', 'upcoming', null, 'Review'],
      ['decided', 'upcoming', null, 'Decision'],
      ['closed', 'upcoming', null, 'Result handed over, closed'],
    ]);

    const html = await pageOf(awaiting);
    expect(html).toContain('請補正下列文件');
    expect(html).toContain('<li>戶籍謄本<span lang="en" class="en">household record</span></li>');
    expect(html).toContain('中華民國115年3月17日');
    expect(html).toMatch(/<li class="current" aria-current="step">通知補正文件 <span lang="en">Documents requested<\/span>/);
    expect(html).toContain('<a href="tel:0224331888">(02) 2433-1888</a>');
    expect(html).toContain('基隆市安樂區安樂路二段162號');
    expect(html).not.toContain('缺建物登記謄本');
  });

  it('shows the decision and the extension on the page', async () => {
    const html = await pageOf(approved);
    expect(html).toMatch(/<li class="current" aria-current="step">核准 <span lang="en">Approved<\/span>/);
    expect(html).toContain('已依法延長一次');
    expect(html).not.toContain('請補正下列文件');
    expect(html).not.toContain('未予核准理由');
  });

  it('follows a case through the desk: every stage with its day, the reasons of a refusal, and nothing of the desk itself', async () => {
    const record = await intake({ checklist: [{ document: '申請書 / application form', state: 'provided' }] });
    await nextDay(); // 3/3
    await steps(record.id, [['wangxm', { action: 'take' }], ['wangxm', { action: 'note', text: '內部註記：待查地籍' }], ['wangxm', { action: 'start-review' }]]);
    await nextDay(); // 3/4
    await steps(record.id, [['wangxm', { action: 'request-documents', missing: ['戶籍謄本 / household record'], supplementBy: '2026-03-18' }]]);
    expect((await progressOf(record)).missingDocuments).toEqual([{ zh: '戶籍謄本', en: 'household record' }]);
    await nextDay(2); // 3/6
    await steps(record.id, [['clerk', { action: 'documents-supplied' }]]);
    await nextDay(3); // 3/9
    await steps(record.id, [['wangxm', { action: 'propose', outcome: 'reject', reasons: '擬否准：未設籍' }]]);
    const proposed = await progressOf(record);
    expect(proposed.status).toBe('pending-approval');
    expect(stagesOf(proposed).slice(-3)).toEqual([
      ['in-review', 'current', '2026-03-06', 'Review'],
      ['decided', 'upcoming', null, 'Decision'],
      ['closed', 'upcoming', null, 'Result handed over, closed'],
    ]);
    await nextDay(); // 3/10
    await steps(record.id, [['chiefli', { action: 'decide', outcome: 'return', reason: '退回：請補查戶籍' }], ['wangxm', { action: 'propose', outcome: 'reject', reasons: '擬否准：查無設籍' }]]);
    await nextDay(); // 3/11
    await steps(record.id, [['chiefli', { action: 'decide', outcome: 'reject', reason: '查無自住事實，不符合自用住宅用地要件' }]]);
    await nextDay(); // 3/12
    await steps(record.id, [['clerk', { action: 'hand-over', method: 'mail', registerNo: 'R-20260312-77' }]]);

    const body = await progressOf(record);
    expect(body.status).toBe('closed');
    expect(stagesOf(body)).toEqual([
      ['received', 'done', '2026-03-02', 'Received'],
      ['in-review', 'done', '2026-03-03', 'Review'],
      ['documents-requested', 'done', '2026-03-04', 'Documents requested'],
      ['documents-supplied', 'done', '2026-03-06', 'Documents supplied'],
      ['in-review', 'done', '2026-03-06', 'Review'],
      ['decided', 'done', '2026-03-11', 'Not approved'],
      ['closed', 'done', '2026-03-12', 'Result handed over, closed', 'Sent by post'],
    ]);
    expect(body.steps.find((step) => step.step === 'decided')?.label.zh).toBe('未予核准');
    expect(body.decisionReasons).toBe('查無自住事實，不符合自用住宅用地要件');

    const html = await pageOf(record);
    expect(html).toContain('未予核准理由');
    expect(html).toContain('查無自住事實，不符合自用住宅用地要件');
    expect(html).toContain('郵寄送達');
    expect(html).not.toContain('aria-current');
    // Who worked on it, their notes, the internal back and forth and the register number are the bureau's.
    for (const internal of ['wangxm', 'chiefli', '內部註記', '退回：請補查戶籍', '擬否准', 'R-20260312-77']) {
      expect(JSON.stringify(body), internal).not.toContain(internal);
      expect(html, internal).not.toContain(internal);
    }
    // The page speaks in words, never in the system's names of statuses and steps.
    for (const token of ['pending-approval', 'in-review', 'documents-requested', 'hand-over', 'decided']) expect(html, token).not.toContain(token);
  });

  it('ends a withdrawn case at its withdrawal, and a same-day case at its completion on the spot', async () => {
    const withdrawn = await intake();
    await steps(withdrawn.id, [['clerk', { action: 'withdraw', reason: '申請人撤回' }]]);
    const today = (await desk.stored(withdrawn.id)).desk?.closedOn ?? '';
    expect(stagesOf(await progressOf(withdrawn))).toEqual([
      ['received', 'done', '2026-03-02', 'Received'],
      ['withdrawn', 'done', today, 'Application withdrawn'],
    ]);

    const certificate = await intake({ serviceId: 'GEN-CERT', receivedOn: today, receivedAt: server.clock.now().toISOString() });
    await steps(certificate.id, [['clerk', { action: 'complete-on-spot' }]]);
    expect(stagesOf(await progressOf(certificate))).toEqual([
      ['received', 'done', today, 'Received'],
      ['decided', 'done', today, 'Approved'],
      ['closed', 'done', today, 'Result handed over, closed', 'Completed at the counter'],
    ]);
  });

  it('stops an enumeration of case numbers from one address after 60 lookups a minute', async () => {
    const guesses = Array.from({ length: 70 }, (_, i) => formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence: 500 + i }));
    const statuses: number[] = [];
    for (const caseNo of guesses) statuses.push((await get(`/v1/public/cases/${caseNo}?v=guess-guess-guess-guess`, '198.51.100.9')).statusCode);
    expect(statuses.slice(0, 60).every((status) => status === 404)).toBe(true);
    expect(new Set(statuses.slice(60))).toEqual(new Set([429]));
    const limited = await get(`/v1/public/cases/${approved.caseNo}?v=${approved.verifier}`, '198.51.100.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // The page is limited the same way; another address is not affected.
    for (let i = 0; i < 60; i++) await get(`/q/${guesses[i] ?? ''}?v=x`, '198.51.100.9');
    expect((await get(`/q/${approved.caseNo}?v=${approved.verifier}`, '198.51.100.9')).statusCode).toBe(429);
    expect((await get(`/q/${approved.caseNo}?v=${approved.verifier}`, '198.51.100.10')).statusCode).toBe(200);
    // A minute later the address may look again.
    server.clock.advance(61_000);
    expect((await get(`/v1/public/cases/${approved.caseNo}?v=${approved.verifier}`, '198.51.100.9')).statusCode).toBe(200);
  });
});
