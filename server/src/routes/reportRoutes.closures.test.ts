import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/schemas/case';
import type { CaseDesk } from '../../../shared/schemas/caseDesk';
import { onTimeReportSchema } from '../../../shared/schemas/supervision';
import { hashPassword } from '../domain/password';
import { seedCaseWithHistory } from '../reports/seedCaseHistory';
import type { SeededEvent } from '../reports/seedCaseHistory';
import { insertUser } from '../store/accountStore';
import { addMembership } from '../store/unitStore';
import { buildCaseRecord } from '../testing/caseFixtures';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

const at = (day: string, time = '10:00') => `${day}T${time}:00+08:00`;
const events = (...steps: Array<[string, SeededEvent['to']]>): SeededEvent[] => steps.map(([day, to], index) => ({ at: at(day, `${10 + index}:00`), to }));
const decision = (outcome: 'approve' | 'reject', decidedOn: string, decidedBy: string, proposedBy?: string) => ({
  outcome,
  reasons: outcome === 'approve' ? '符合規定' : '不符規定',
  level: proposedBy ? ('chief' as const) : ('officer' as const),
  decidedBy,
  decidedOn,
  ...(proposedBy ? { proposedBy } : {}),
});

/**
 * The on-time report from what the desk recorded: decision dates, handling units, officers and the
 * six channels; open cases late by their due date; withdrawn cases nowhere; each supervisor's units only.
 */
describe('reports from real closures', () => {
  let server: TestServer;
  let director: string;
  let propertyChief: string;
  let sequence = 700;
  const seed = async (overrides: Partial<CaseRecord> & { desk: CaseDesk }, history: SeededEvent[]) => {
    sequence += 1;
    const record = buildCaseRecord(sequence, { checklist: [{ document: '申請書 / application form', state: 'provided' }], ...overrides });
    await seedCaseWithHistory(server.db, record, history);
    return record;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const hash = await hashPassword('chief-property-2026');
    await insertUser(server.db, { username: 'lin', displayName: '林承辦', roles: ['officer'], passwordHash: hash });
    await insertUser(server.db, { username: 'chief.property', displayName: '財產稅科科長', roles: ['supervisor'], passwordHash: hash });
    await addMembership(server.db, { unit: 'PROPERTY', username: 'chief.property', position: 'chief' });

    // A same-day certificate completed at the counter by the clerk on its receipt day: on time.
    await seed(
      { serviceId: 'GEN-CERT', dueDate: '2026-03-02', status: 'closed', desk: { unit: 'SERVICE', notes: [], decision: decision('approve', '2026-03-02', 'clerk'), closedOn: '2026-03-02' } },
      events(['2026-03-02', 'received'], ['2026-03-02', 'closed']),
    );
    // Referred by a village chief, decided within its limit, waiting to be handed over.
    await seed(
      { channel: 'referral', referrer: { name: '陳里長', village: '仁愛里' }, desk: { unit: 'PROPERTY', assignee: 'officer', notes: [], decision: decision('approve', '2026-03-05', 'supervisor', 'officer') } },
      events(['2026-03-02', 'received'], ['2026-03-03', 'in-review'], ['2026-03-04', 'pending-approval'], ['2026-03-05', 'approved']),
    );
    // Taken by phone in February, rejected a day after its due date, handed over by mail.
    await seed(
      {
        serviceId: 'LVT-RELIEF',
        channel: 'phone',
        receivedOn: '2026-02-23',
        receivedAt: at('2026-02-23'),
        dueDate: '2026-03-05',
        desk: { unit: 'PROPERTY', assignee: 'lin', notes: [], decision: decision('reject', '2026-03-06', 'supervisor', 'lin'), closedOn: '2026-03-07' },
      },
      events(['2026-02-23', 'received'], ['2026-02-24', 'in-review'], ['2026-03-05', 'pending-approval'], ['2026-03-06', 'rejected'], ['2026-03-07', 'closed']),
    );
    // Decided in February on a field visit, handed over in March: it counted in February, not again.
    await seed(
      {
        serviceId: 'VLT-DISABILITY',
        channel: 'field-visit',
        receivedOn: '2026-02-20',
        receivedAt: at('2026-02-20'),
        dueDate: '2026-03-03',
        desk: { unit: 'CONSUMPTION', assignee: 'officer', notes: [], decision: decision('approve', '2026-02-26', 'supervisor', 'officer'), closedOn: '2026-03-03' },
      },
      events(['2026-02-20', 'received'], ['2026-02-23', 'in-review'], ['2026-02-25', 'pending-approval'], ['2026-02-26', 'approved'], ['2026-03-03', 'closed']),
    );
    // Opened by the bureau, still unassigned, its due date passed: late, and overdue.
    await seed(
      { serviceId: 'HT-DISASTER', channel: 'bureau', receivedOn: '2026-02-24', receivedAt: at('2026-02-24'), dueDate: '2026-03-04', desk: { unit: 'PROPERTY', notes: [] } },
      events(['2026-02-24', 'received']),
    );
    // Withdrawn by the applicant: counted nowhere, not even as received.
    await seed(
      { receivedOn: '2026-03-03', receivedAt: at('2026-03-03'), desk: { unit: 'PROPERTY', notes: [], withdrawal: { on: '2026-03-04', by: 'clerk' }, closedOn: '2026-03-04' } },
      events(['2026-03-03', 'received'], ['2026-03-04', 'withdrawn']),
    );
    // Monday 2026-03-09 in Taipei.
    server.clock.advance(7 * 24 * 60 * 60 * 1000);
    director = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    propertyChief = await server.signIn({ username: 'chief.property', password: 'chief-property-2026' });
  });
  afterAll(() => server.close());

  const get = (url: string, token: string) => server.app.inject({ method: 'GET', url, headers: syncHeaders(token) });
  const march = 'from=2026-03-01&to=2026-03-31';
  const rows = (list: ReadonlyArray<{ key: string; labelZh: string; total: number; onTime: number }>) => list.map((row) => [row.key, row.labelZh, row.total, row.onTime]);

  it('counts each case on its decision day against its due date, by unit, officer and channel', async () => {
    const report = onTimeReportSchema.parse((await get(`/v1/reports/on-time?${march}`, director)).json());
    expect(report.overall).toMatchObject({ total: 4, onTime: 2, late: 2, rate: 0.5, meetsTarget: false });
    expect(rows(report.byUnit)).toEqual([
      ['PROPERTY', '財產稅科', 3, 1],
      ['SERVICE', '服務科', 1, 1],
    ]);
    expect(report.byOfficer.map((row) => [row.key, row.labelZh, row.labelEn, row.total, row.onTime])).toEqual([
      ['', '未分案', 'Not assigned', 1, 0],
      ['clerk', '示範櫃台人員 / Demo clerk', '示範櫃台人員 / Demo clerk', 1, 1],
      ['lin', '林承辦', '林承辦', 1, 0],
      ['officer', '示範承辦人 / Demo officer', '示範承辦人 / Demo officer', 1, 1],
    ]);
    expect(rows(report.byChannel)).toEqual([
      ['bureau', '主動服務', 1, 0],
      ['counter', '臨櫃', 1, 1],
      ['phone', '電話受理', 1, 0],
      ['referral', '里長轉介', 1, 1],
    ]);
    expect(report.receivedByChannel.map((row) => [row.key, row.count])).toEqual([
      ['counter', 1],
      ['referral', 1],
    ]);
    expect(report.overdue.map((item) => [item.serviceId, item.unit, item.assignee])).toEqual([['HT-DISASTER', 'PROPERTY', null]]);
    expect(report.atRisk).toEqual([]);
  });

  it('counts the case decided in February in February, however late it was handed over', async () => {
    const report = onTimeReportSchema.parse((await get('/v1/reports/on-time?from=2026-02-01&to=2026-02-28', director)).json());
    expect(rows(report.byUnit)).toEqual([['CONSUMPTION', '消費稅科', 1, 1]]);
    expect(report.receivedByChannel.map((row) => [row.key, row.count])).toEqual([
      ['bureau', 1],
      ['field-visit', 1],
      ['phone', 1],
    ]);
  });

  it('gives a section chief only the units they oversee, and refuses another unit', async () => {
    const report = onTimeReportSchema.parse((await get(`/v1/reports/on-time?${march}`, propertyChief)).json());
    expect(report.overall).toMatchObject({ total: 3, onTime: 1 });
    expect(report.byUnit.map((row) => row.key)).toEqual(['PROPERTY']);
    expect(report.receivedByChannel.map((row) => [row.key, row.count])).toEqual([['referral', 1]]);
    expect(errorOf(await get(`/v1/reports/on-time?${march}&unit=SERVICE`, propertyChief)).code).toBe('forbidden');
    expect(errorOf(await get(`/v1/reports/cases.csv?${march}&unit=CONSUMPTION`, propertyChief)).code).toBe('forbidden');
    expect(errorOf(await get(`/v1/reports/on-time?${march}&unit=PROPERTY2000000000`, propertyChief)).code).toBe('validation_failed');
  });

  it('exports the officers in the CSV', async () => {
    const csv = (await get(`/v1/reports/on-time.csv?${march}`, director)).body.slice(1).split('\r\n');
    expect(csv).toContain('officer,lin,林承辦,林承辦,1,0,1,0,false');
    expect(csv).toContain('officer,,未分案,Not assigned,1,0,1,0,false');
  });
});
