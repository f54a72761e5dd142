/**
 * A report as tables, and the tables as CSV or XLSX (odsSpreadsheet.ts writes them as ODS). CSV is
 * UTF-8 with a byte-order mark and CRLF, which is what Excel on a Taiwanese Windows opens correctly.
 * A text cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR) is prefixed with an
 * apostrophe in every format, so that a crafted value cannot run as one (CSV injection); numbers are
 * written as numbers.
 */
import type ExcelJS from 'exceljs';

export type Cell = string | number | boolean | null;

/** One table of a report: a sheet of the workbook, a section of the CSV. */
export interface SheetTable {
  /** The sheet's name (at most 31 characters, as Excel allows), also the CSV section's. */
  name: string;
  header: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
  /** Columns (1-based) holding fractions, shown as percentages where the format can say so. */
  percentColumns?: readonly number[];
}

export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(rows: ReadonlyArray<readonly Cell[]>): string {
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Tables of different columns in one CSV: each row starts with its table's name, each table with
 * its own header row, tables apart by an empty line.
 */
export function tablesCsv(tables: readonly SheetTable[]): string {
  const rows: Cell[][] = [];
  for (const [index, table] of tables.entries()) {
    if (index > 0) rows.push([]);
    rows.push(['section', ...table.header]);
    for (const cells of table.rows) rows.push([table.name, ...cells]);
  }
  return csv(rows);
}

export function addTable(book: ExcelJS.Workbook, name: string, header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  for (const cells of rows) sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell)));
  sheet.columns.forEach((column) => {
    column.width = Math.min(50, Math.max(10, ...(column.values ?? []).map((value) => String(value ?? '').length + 2)));
  });
  return sheet;
}

/** A new, empty workbook. */
export async function newWorkbook(created: Date): Promise<ExcelJS.Workbook> {
  // Loaded at the first export: it is the largest module of the server, and every module held in
  // memory is marked again at each full garbage collection, frequent while scans stream in (docs/BENCHMARKS.md § Sync upload).
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'CounterDesk';
  book.created = created;
  return book;
}

export async function tablesXlsx(tables: readonly SheetTable[], created: Date): Promise<Buffer> {
  const book = await newWorkbook(created);
  for (const table of tables) {
    const sheet = addTable(book, table.name, table.header, table.rows);
    for (const column of table.percentColumns ?? []) sheet.getColumn(column).numFmt = '0.00%';
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
