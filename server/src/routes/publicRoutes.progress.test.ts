import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCaseNo } from '../../../shared/domain/caseNumber';
import { publicProgressSchema } from '../public/publicProgress';
import { seedCaseWithHistory } from '../reports/seedCaseHistory';
import { buildCaseRecord } from '../testing/caseFixtures';
import { startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('the citizen progress page: stages, what is missing, contact, enumeration', () => {
  let server: TestServer;
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

  beforeAll(async () => {
    server = await startTestServer();
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

  const get = (url: string, ip = '203.0.113.7') => server.app.inject({ method: 'GET', url, remoteAddress: ip });

  it('gives each stage the day the case reached it, in Taipei time', async () => {
    const body = publicProgressSchema.parse((await get(`/v1/public/cases/${approved.caseNo}?v=${approved.verifier}`)).json());
    expect(body.status).toBe('approved');
    expect(body.steps).toEqual([
      { step: 'received', state: 'done', on: '2026-03-02' },
      { step: 'in-review', state: 'done', on: '2026-03-03' },
      { step: 'pending-approval', state: 'done', on: '2026-03-05' },
      { step: 'decided', state: 'current', on: '2026-03-06' },
      { step: 'closed', state: 'upcoming', on: null },
    ]);
    expect(body.extended).toBe(true);
    expect(body.missingDocuments).toEqual([]);
    expect(JSON.stringify(body)).not.toMatch(/陳美玲|A123456789|0912345678|需會勘/);
  });

  it('lists what is missing and by when while the applicant is awaited', async () => {
    const body = publicProgressSchema.parse((await get(`/v1/public/cases/${awaiting.caseNo}?v=${awaiting.verifier}`)).json());
    expect(body.missingDocuments).toEqual([
      { zh: '建物登記謄本', en: 'building register transcript' },
      { zh: '戶籍謄本', en: 'household record' },
    ]);
    expect(body.supplementBy).toBe('2026-03-17');
    expect(body.steps[0]).toEqual({ step: 'received', state: 'current', on: '2026-03-02' });

    const html = (await get(`/q/${awaiting.caseNo}?v=${awaiting.verifier}`)).body;
    expect(html).toContain('請補正下列文件');
    expect(html).toContain('<li>戶籍謄本<span lang="en" class="en">household record</span></li>');
    expect(html).toContain('中華民國115年3月17日');
    expect(html).toContain('aria-current="step"');
    expect(html).toContain('<a href="tel:0224331888">(02) 2433-1888</a>');
    expect(html).toContain('基隆市安樂區安樂路二段162號');
    expect(html).not.toContain('缺建物登記謄本');
  });

  it('shows the decision and the extension on the page', async () => {
    const html = (await get(`/q/${approved.caseNo}?v=${approved.verifier}`)).body;
    expect(html).toMatch(/<li class="current" aria-current="step">已核准 <span lang="en">Approved<\/span>/);
    expect(html).toContain('已依法延長一次');
    expect(html).not.toContain('請補正下列文件');
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
