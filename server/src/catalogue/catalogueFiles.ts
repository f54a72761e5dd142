/**
 * The catalogue's services as an XLSX workbook or a CSV file, and such a file read back. Import is all or
 * nothing: every row is checked first, and a file with any bad row is refused with each bad row's number
 * (as the spreadsheet numbers it, the header being row 1) and its problems, so nothing is half-imported.
 */
import type { Service } from '../../../shared/domain/catalogue';
import type { CatalogueImport } from '../../../shared/schemas/catalogueEditor';
import { DomainError } from '../domain/domainError';
import type { ErrorIssue } from '../domain/domainError';
import { addTable, csv, newWorkbook } from '../reports/spreadsheetTables';
import { rowService } from './catalogueRowRead';
import type { Cell } from './catalogueRows';
import { serviceRows, unknownColumns } from './catalogueRows';
import { parseCsv } from './parseCsv';

export const SHEET_NAME = 'services';

export async function servicesXlsx(services: readonly Service[], created: Date): Promise<Buffer> {
  const { header, rows } = serviceRows(services);
  const book = await newWorkbook(created);
  addTable(book, SHEET_NAME, header, rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function servicesCsv(services: readonly Service[]): string {
  const { header, rows } = serviceRows(services);
  return csv([header, ...rows]);
}

/** A cell of exceljs as a plain value: rich text joined, a formula's cached result, a link's text. */
function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  const object = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (object.richText) return object.richText.map((run) => run.text).join('');
  if (object.text !== undefined) return plainCell(object.text);
  if (object.result !== undefined) return plainCell(object.result);
  return JSON.stringify(value);
}

async function xlsxTable(bytes: Buffer): Promise<Cell[][]> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('validation_failed', 'The file is not an XLSX workbook', { issues: [{ path: 'file', message: 'not an XLSX workbook' }] });
  }
  const sheet = book.getWorksheet(SHEET_NAME) ?? book.worksheets[0];
  if (!sheet) throw new DomainError('validation_failed', 'The workbook has no sheet', { issues: [{ path: 'file', message: 'no sheet' }] });
  const table: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as unknown[];
    // exceljs numbers cells from 1: index 0 of `values` is always empty.
    table[rowNumber - 1] = values.slice(1).map(plainCell);
  });
  return Array.from(table, (row) => row ?? []);
}

const refuse = (issues: ErrorIssue[]) =>
  new DomainError('validation_failed', `The file has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was imported`, { issues });

/** The services a file describes, or a refusal naming every bad row. */
export async function readServicesFile(file: CatalogueImport): Promise<Service[]> {
  const bytes = Buffer.from(file.content, 'base64');
  const table = file.format === 'xlsx' ? await xlsxTable(bytes) : parseCsv(bytes.toString('utf8'));
  const header = (table[0] ?? []).map((cell) => String(cell ?? '').trim());
  const unknown = unknownColumns(header);
  if (!header.includes('id') || unknown.length > 0) {
    throw refuse([{ path: 'row 1', message: unknown.length > 0 ? `unknown columns: ${unknown.join(', ')}` : 'no id column: the first row names the columns' }]);
  }
  const issues: ErrorIssue[] = [];
  const services: Service[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, index) => {
    const rowNumber = index + 2;
    if (cells.every((cell) => cell === null || String(cell).trim() === '')) return;
    const outcome = rowService(header, cells);
    if (!outcome.ok) {
      for (const problem of outcome.problems) issues.push({ path: `row ${rowNumber}`, message: problem });
      return;
    }
    const earlier = seen.get(outcome.service.id);
    if (earlier !== undefined) issues.push({ path: `row ${rowNumber}`, message: `id: ${outcome.service.id} is on row ${earlier} already` });
    seen.set(outcome.service.id, rowNumber);
    services.push(outcome.service);
  });
  if (issues.length > 0) throw refuse(issues.slice(0, 200));
  if (services.length === 0) throw refuse([{ path: 'row 2', message: 'the file has no service' }]);
  return services;
}
