import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onTimeReportSchema } from '../../../shared/schemas/supervision';
import type { CaseRecord } from '../../../shared/schemas/case';
import { seedCaseWithHistory } from '../reports/seedCaseHistory';
import type { SeededEvent } from '../reports/seedCaseHistory';
import { buildCaseRecord } from '../testing/caseFixtures';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

const decided = (receivedOn: string, decidedOn: string, to: 'approved' | 'rejected' = 'approved'): SeededEvent[] => [
  { at: `${receivedOn}T09:00:00+08:00`, to: 'received' },
  { at: `${receivedOn}T15:00:00+08:00`, to: 'in-review' },
  { at: `${decidedOn}T09:00:00+08:00`, to: 'pending-approval' },
  { at: `${decidedOn}T16:00:00+08:00`, to, actor: 'supervisor' },
];

describe('reports', () => {
  let server: TestServer;
  let supervisor: string;
  let clerk: string;
  let sequence = 100;
  const seed = async (overrides: Partial<CaseRecord>, events: SeededEvent[]) => {
    sequence += 1;
    const record = buildCaseRecord(sequence, overrides);
    await seedCaseWithHistory(server.db, record, events);
    return record;
  };

  beforeAll(async () => {
    server = await startTestServer();
    // February: 19 on time and 1 late in the property tax section (95 %); March: 1 on time, 1 late in
    // the service section, taken at KL02's drive-through lane.
    for (let i = 0; i < 19; i++) await seed({ receivedOn: '2026-02-02', dueDate: '2026-02-24' }, decided('2026-02-02', '2026-02-10'));
    await seed({ receivedOn: '2026-02-02', dueDate: '2026-02-10' }, decided('2026-02-02', '2026-02-11', 'rejected'));
    await seed({ stationCode: 'KL02', channel: 'drive-through', serviceId: 'GEN-CERT', receivedOn: '2026-03-02', dueDate: '2026-03-02' }, decided('2026-03-02', '2026-03-02'));
    await seed({ stationCode: 'KL02', channel: 'drive-through', serviceId: 'GEN-CERT', receivedOn: '2026-03-02', dueDate: '2026-03-02' }, decided('2026-03-02', '2026-03-04'));
    // Open: overdue since 2026-03-05 (late in March); and one stuck at intake, at risk.
    await seed({ receivedOn: '2026-02-16', dueDate: '2026-03-05', applicant: { kind: 'person', idNumber: 'A123456789', name: '=HYPERLINK("x")', phone: '' } }, [{ at: '2026-02-16T09:00:00+08:00', to: 'received' }]);
    // A service without history (default split of its 18 days): five days at intake puts it at risk.
    await seed({ serviceId: 'HT-REGISTER', receivedOn: '2026-03-02', dueDate: '2026-03-26' }, [{ at: '2026-03-02T09:00:00+08:00', to: 'received' }]);
    // The same age in a service whose history says intake takes no time is on track.
    await seed({ receivedOn: '2026-03-02', dueDate: '2026-03-18' }, [{ at: '2026-03-02T09:00:00+08:00', to: 'received' }]);
    // Monday 2026-03-09 in Taipei.
    server.clock.advance(7 * 24 * 60 * 60 * 1000);
    supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    clerk = await server.signIn();
  });
  afterAll(() => server.close());

  const get = (url: string, token = supervisor) => server.app.inject({ method: 'GET', url, headers: syncHeaders(token) });
  const period = 'from=2026-02-01&to=2026-03-31';

  it('gives the on-time rate against the 95 % target by month, unit, service and channel', async () => {
    const response = await get(`/v1/reports/on-time?${period}`);
    expect(response.statusCode).toBe(200);
    const report = onTimeReportSchema.parse(response.json());
    expect(report.target).toBe(0.95);
    expect(report.overall).toMatchObject({ total: 23, onTime: 20, late: 3 });
    expect(report.byMonth).toEqual([
      { key: '2026-02', labelZh: '115年2月', labelEn: '2026-02', total: 20, onTime: 19, late: 1, rate: 0.95, meetsTarget: true },
      expect.objectContaining({ key: '2026-03', total: 3, onTime: 1, late: 2, meetsTarget: false }),
    ]);
    // By handling unit (the desk), named, whichever station took the case in.
    expect(report.byUnit.map((row) => [row.key, row.labelZh, row.total, row.onTime])).toEqual([
      ['PROPERTY', '財產稅科', 21, 19],
      ['SERVICE', '服務科', 2, 1],
    ]);
    expect(report.byChannel.find((row) => row.key === 'drive-through')).toMatchObject({ labelZh: '免下車', total: 2, rate: 0.5 });
    expect(report.byService.find((row) => row.key === 'GEN-CERT')?.total).toBe(2);
    expect(report.receivedByChannel).toEqual([
      { key: 'counter', labelZh: '臨櫃', labelEn: 'Counter', count: 23 },
      { key: 'drive-through', labelZh: '免下車', labelEn: 'Drive-through', count: 2 },
    ]);
    expect(report.overdue.map((item) => item.dueDate)).toEqual(['2026-03-05']);
    expect(report.atRisk.map((item) => [item.serviceId, item.dueDate, item.predictedDecisionOn])).toEqual([['HT-REGISTER', '2026-03-26', '2026-03-27']]);
  });

  it('filters by unit, service and channel', async () => {
    const report = onTimeReportSchema.parse((await get(`/v1/reports/on-time?${period}&unit=SERVICE&channel=drive-through`)).json());
    expect(report.overall).toMatchObject({ total: 2, onTime: 1 });
    expect(report.overdue).toEqual([]);
  });

  it('exports CSV that a spreadsheet opens safely', async () => {
    const response = await get(`/v1/reports/on-time.csv?${period}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="on-time-2026-02-01-2026-03-31.csv"');
    expect(response.body.startsWith('\uFEFFsection,key,label_zh')).toBe(true);
    const lines = response.body.slice(1).split('\r\n');
    expect(lines).toContain('month,2026-02,115年2月,2026-02,20,19,1,0.95,true');
    expect(lines).toContain('received-by-channel,drive-through,免下車,Drive-through,2,,,,');

    const overdue = await get(`/v1/reports/cases.csv?${period}&list=overdue`);
    const rows = overdue.body.slice(1).trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^115-KL01-\d{6}-[0-9A-Z],PROPERTY,LVT-SELF-USE,/);
    expect(overdue.body).not.toContain('HYPERLINK');
  });

  it('exports an XLSX workbook with one sheet per table', async () => {
    const response = await get(`/v1/reports/on-time.xlsx?${period}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['準時率 On-time', '逾期 Overdue', '將逾期 At risk', '收件數 Received']);
    const rates = book.getWorksheet('準時率 On-time');
    const rows = (rates?.getSheetValues() ?? []).filter(Array.isArray).map((row) => row.slice(1));
    expect(rows[0]).toEqual(['section', 'key', 'label_zh', 'label_en', 'total', 'on_time', 'late', 'rate', 'meets_target']);
    expect(rows).toContainEqual(['month', '2026-02', '115年2月', '2026-02', 20, 19, 1, 0.95, true]);
    expect(rates?.getColumn(8).numFmt).toBe('0.00%');
    const overdue = book.getWorksheet('逾期 Overdue');
    expect(overdue?.rowCount).toBe(2);
    expect(overdue?.getRow(2).getCell(8).value).toBe('2026-03-05');
  });

  it('is for supervisors only, logs every export, and refuses a bad period', async () => {
    expect(errorOf(await get(`/v1/reports/on-time?${period}`, clerk)).code).toBe('forbidden');
    expect((await server.app.inject({ method: 'GET', url: `/v1/reports/on-time.csv?${period}` })).statusCode).toBe(401);
    expect(errorOf(await get('/v1/reports/on-time?from=2026-03-01&to=2026-02-01')).code).toBe('validation_failed');
    expect(errorOf(await get('/v1/reports/on-time?from=2020-01-01&to=2026-02-01')).code).toBe('validation_failed');
    const { rows } = await server.db.query<{ action: string; user_name: string; details: { format: string } }>(
      "SELECT action, user_name, details FROM audit_log WHERE action LIKE 'report.%' ORDER BY seq",
    );
    expect(rows.filter((row) => row.action === 'report.export').map((row) => row.details.format)).toEqual(expect.arrayContaining(['csv', 'csv:overdue', 'xlsx']));
    expect(rows.every((row) => row.user_name === 'supervisor')).toBe(true);
  });
});
