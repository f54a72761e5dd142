import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIEF, seedFrontOfficeFixture } from '../testing/frontOfficeFixture';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

const period = 'from=2026-02-01&to=2026-03-03';
const sheetNames = [
  '叫號總覽 Queue',
  '叫號-時段 By hour',
  '叫號-群組 By group',
  '叫號-櫃台 By counter',
  '叫號-日期 By day',
  '滿意度總覽 Ratings',
  '滿意度-櫃台 By counter',
  '滿意度-人員 By clerk',
  '滿意度-服務 By service',
  '滿意度-月份 By month',
  '意見 Comments',
];

/** The rows of each table of an ODS content.xml, as the text of their cells. */
function odsTables(xml: string): Map<string, string[][]> {
  const tables = new Map<string, string[][]>();
  for (const table of xml.matchAll(/<table:table table:name="([^"]*)">(.*?)<\/table:table>/g)) {
    const rows = [...(table[2] ?? '').matchAll(/<table:table-row>(.*?)<\/table:table-row>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<table:table-cell([^>]*)\/>|<table:table-cell([^>]*)>(.*?)<\/table:table-cell>/g)].map((cell) =>
        (cell[3] ?? '').replace(/<text:p>(.*?)<\/text:p>/g, '$1').replace(/&amp;/g, '&').replace(/&lt;/g, '<'),
      ),
    );
    tables.set(table[1] ?? '', rows);
  }
  return tables;
}

describe('front office report files and who may have them', () => {
  let server: TestServer;
  let supervisor: string;

  beforeAll(async () => {
    server = await startTestServer();
    await seedFrontOfficeFixture(server);
    server.clock.advance(8 * 24 * 60 * 60 * 1000);
    supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
  });
  afterAll(() => server.close());

  const get = (url: string, token = supervisor) => server.app.inject({ method: 'GET', url, headers: syncHeaders(token) });

  it('exports CSV: every table with its own header, minutes and shares as numbers, formulas defused', async () => {
    const response = await get(`/v1/reports/front-office.csv?${period}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="front-office-2026-02-01-2026-03-03.csv"');
    expect(response.body.startsWith('\uFEFFsection,key,label_zh,label_en,issued,served')).toBe(true);
    const lines = response.body.slice(1).split('\r\n');
    // 420 s and 1170 s are 7 and 19.5 minutes.
    expect(lines).toContain('叫號總覽 Queue,all,全部,All,9,7,1,0.125,7,19.5,8,10.8,3,1,0.3333');
    expect(lines).toContain('叫號-櫃台 By counter,2號櫃台,2號櫃台,2號櫃台,3,2,1,0.3333,15,27,11,11.8,1,1,1');
    expect(lines).toContain('section,key,label_zh,label_en,ratings,average,satisfied_share');
    expect(lines).toContain('滿意度-櫃台 By counter,KL01,1號櫃台 (KL01),1號櫃台 (KL01),4,4.25,0.75');
    expect(lines.filter((line) => line.startsWith('意見 Comments,'))).toHaveLength(4);
    expect(lines.some((line) => line.includes(",'=等太久"))).toBe(true);
    expect(lines).toContain('');
  });

  it('exports XLSX with one sheet per table, shares formatted as percentages', async () => {
    const response = await get(`/v1/reports/front-office.xlsx?${period}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(sheetNames);
    const byDay = book.getWorksheet('叫號-日期 By day');
    const rows = (byDay?.getSheetValues() ?? []).filter(Array.isArray).map((row) => row.slice(1));
    expect(rows[1]).toEqual(['2026-03-02', '115/03/02', '2026-03-02', 5, 4, 1, 0.2, 10, 13, 7.5, 11.4, 2, 1, 0.5]);
    expect(byDay?.getColumn(7).numFmt).toBe('0.00%');
    const comments = book.getWorksheet('意見 Comments');
    expect(comments?.getRow(3).getCell(9).value).toBe("'=等太久");
    expect(comments?.getRow(2).getCell(1).value).toBe('2026-03-03 15:00');
  });

  it('exports ODS: mimetype first and stored, a manifest, one table per section', async () => {
    const response = await get(`/v1/reports/front-office.ods?${period}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.oasis.opendocument.spreadsheet');
    const bytes = response.rawPayload;
    // A zip's first local header: name at byte 30, then (stored, no extra field) the content itself.
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(8)).toBe(0);
    expect(bytes.readUInt16LE(28)).toBe(0);
    expect(bytes.subarray(30, 38).toString()).toBe('mimetype');
    expect(bytes.subarray(38, 38 + 46).toString()).toBe('application/vnd.oasis.opendocument.spreadsheet');
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(['mimetype', 'META-INF/manifest.xml', 'content.xml']);
    expect(await zip.file('META-INF/manifest.xml')?.async('string')).toContain('manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"');
    const content = (await zip.file('content.xml')?.async('string')) ?? '';
    const tables = odsTables(content);
    expect([...tables.keys()]).toEqual(sheetNames);
    expect(tables.get('叫號-群組 By group')?.[1]).toEqual(['A', 'A 地價稅・房屋稅', 'A Land value tax and house tax', '3', '3', '0', '0', '10', '10', '5', '9', '1', '0', '0']);
    expect(content).toContain('<table:table-cell table:style-name="percent" office:value-type="percentage" office:value="0.125">');
    expect(tables.get('意見 Comments')?.map((row) => row[8])).toEqual(['comment', '態度不好', "'=等太久", '很快', 'ok']);
  });

  it('refuses the clerk, the officer and the administrator, and anyone signed out', async () => {
    const clerk = await server.signIn();
    const officer = await server.signIn({ username: 'officer', password: 'officer-demo-2026' });
    const admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026' });
    for (const token of [clerk, officer, admin]) {
      for (const url of [`/v1/reports/front-office?${period}`, `/v1/reports/front-office.ods?${period}`, '/v1/reports/satisfaction-analysis?month=2026-03']) {
        expect(errorOf(await get(url, token)).code).toBe('forbidden');
      }
    }
    expect((await server.app.inject({ method: 'GET', url: `/v1/reports/front-office.csv?${period}` })).statusCode).toBe(401);
  });

  it('refuses a bad date, a period backwards or over 366 days, and a bad month', async () => {
    for (const query of ['from=2026-02-30&to=2026-03-03', 'from=2026-3-1', 'from=2026-03-04&to=2026-03-03', 'from=2025-03-01&to=2026-03-02', 'from=0001-01-01&to=0001-01-02']) {
      const response = await get(`/v1/reports/front-office?${query}`);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('validation_failed');
    }
    expect((await get('/v1/reports/front-office?from=2025-03-03&to=2026-03-03')).statusCode).toBe(200);
    for (const month of ['2026-13', '2026-3', 'march', '1900-01']) {
      expect(errorOf(await get(`/v1/reports/satisfaction-analysis?month=${month}`)).code).toBe('validation_failed');
    }
  });

  it('writes every view and export to the audit log with its period', async () => {
    const chief = await server.signIn(CHIEF);
    await get(`/v1/reports/front-office.xlsx?${period}`, chief);
    await get('/v1/reports/satisfaction-analysis', chief);
    const { rows } = await server.db.query<{ action: string; user_name: string; purpose: string; details: Record<string, string> }>(
      "SELECT action, user_name, purpose, details FROM audit_log WHERE action LIKE 'report.%' AND user_name = $1 ORDER BY seq",
      [CHIEF.username],
    );
    expect(rows.map((row) => [row.action, row.purpose, row.details])).toEqual([
      ['report.export', 'front-office report', { format: 'xlsx', from: '2026-02-01', to: '2026-03-03' }],
      ['report.view', 'satisfaction analysis', { format: 'json', month: '2026-02' }],
    ]);
  });
});
