import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import { catalogueEditingSchema } from '../../../shared/schemas/catalogueEditor';
import { NO_SOURCE, serviceRows } from '../catalogue/catalogueRows';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

/** The bureau's own table: the built-in services and more, 123 rows, the last ones without a source. */
async function bureauWorkbook(edit: (rows: (string | number | boolean | null)[][], header: string[]) => void = () => undefined): Promise<string> {
  const base = defaultCatalogue.services.find((s) => s.id === 'LVT-SELF-USE');
  if (!base) throw new Error('the built-in catalogue lost LVT-SELF-USE');
  const extra = Array.from({ length: 123 - defaultCatalogue.services.length }, (_, i) => ({ ...base, id: `KL-EXTRA-${i + 1}`, nameZh: `本局服務 ${i + 1}`, nameEn: `Bureau service ${i + 1}` }));
  const { header, rows } = serviceRows([...defaultCatalogue.services, ...extra]);
  const sourceColumn = header.indexOf('source');
  for (const row of rows.slice(-3)) row[sourceColumn] = null;
  edit(rows, header);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('services');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('catalogue import and export', () => {
  let server: TestServer;
  let token = '';

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
  });
  afterAll(() => server.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object) => server.app.inject({ method, url, headers: syncHeaders(token), ...(payload ? { payload } : {}) });

  it('refuses a file with a malformed row, naming its row number and reason, and imports nothing', async () => {
    const content = await bureauWorkbook((rows, header) => {
      // Spreadsheet row 42 (the header is row 1): a limit that is not a number of days.
      const row = rows[40];
      if (row) row[header.indexOf('limitDays')] = 'twelve';
      const other = rows[99];
      if (other) other[header.indexOf('channels')] = 'counter,by-pigeon';
    });
    const response = await call('POST', '/v1/catalogue-editor/import', { format: 'xlsx', content });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('validation_failed');
    const { issues } = (response.json() as { error: { issues: { path: string; message: string }[] } }).error;
    expect(issues.map((issue) => issue.path)).toEqual(['row 42', 'row 101']);
    expect(issues[0]?.message).toMatch(/^limitDays: /);
    expect(issues[1]?.message).toMatch(/^channels: /);
    expect((await server.db.query('SELECT 1 FROM catalogue_draft')).rows).toEqual([]);
  });

  it('imports the 123-row workbook into the draft, rows without a source flagged unverified', async () => {
    const response = await call('POST', '/v1/catalogue-editor/import', { format: 'xlsx', content: await bureauWorkbook() });
    expect(response.statusCode, response.body).toBe(200);
    const { catalogue, draft } = catalogueEditingSchema.parse(response.json());
    expect(draft?.editedBy).toBe('supervisor');
    expect(catalogue.services).toHaveLength(123);
    const unsourced = catalogue.services.slice(-3);
    expect(unsourced.map((s) => [s.source, s.verified])).toEqual([[NO_SOURCE, false], [NO_SOURCE, false], [NO_SOURCE, false]]);
    // Every built-in service came back as it was, lists and all.
    expect(catalogue.services.slice(0, defaultCatalogue.services.length)).toEqual(defaultCatalogue.services);
    const { rows } = await server.db.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'catalogue.import'");
    expect(rows.map((row) => row.details)).toEqual([{ format: 'xlsx', unverified: expect.any(Number), services: 123 }]);
  });

  it('exports the draft as CSV and XLSX that import again unchanged', async () => {
    const before = catalogueEditingSchema.parse((await call('GET', '/v1/catalogue-editor')).json()).catalogue;
    const exportedCsv = await call('GET', '/v1/catalogue-editor/export?format=csv');
    expect(exportedCsv.statusCode).toBe(200);
    expect(exportedCsv.headers['content-type']).toMatch(/^text\/csv/);
    const again = await call('POST', '/v1/catalogue-editor/import', { format: 'csv', content: Buffer.from(exportedCsv.body).toString('base64') });
    expect(again.statusCode, again.body).toBe(200);
    expect(catalogueEditingSchema.parse(again.json()).catalogue.services).toEqual(before.services);

    const exportedXlsx = await call('GET', '/v1/catalogue-editor/export?format=xlsx');
    expect(exportedXlsx.statusCode).toBe(200);
    const xlsxAgain = await call('POST', '/v1/catalogue-editor/import', { format: 'xlsx', content: exportedXlsx.rawPayload.toString('base64') });
    expect(catalogueEditingSchema.parse(xlsxAgain.json()).catalogue.services).toEqual(before.services);
  });

  it('refuses a file that is no workbook, and a misspelt column, on row 1', async () => {
    const notXlsx = await call('POST', '/v1/catalogue-editor/import', { format: 'xlsx', content: Buffer.from('hello').toString('base64') });
    expect(notXlsx.statusCode).toBe(400);
    const misspelt = await call('POST', '/v1/catalogue-editor/import', { format: 'csv', content: Buffer.from('id,nameZhh\r\nX1,名稱\r\n').toString('base64') });
    expect(misspelt.statusCode).toBe(400);
    expect((misspelt.json() as { error: { issues: { path: string; message: string }[] } }).error.issues).toEqual([{ path: 'row 1', message: 'unknown columns: nameZhh' }]);
  });
});
