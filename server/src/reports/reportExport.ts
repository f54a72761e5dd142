/**
 * The on-time report as files: CSV (UTF-8 with a byte-order mark and CRLF, which is what Excel on a
 * Taiwanese Windows opens correctly) and XLSX (one sheet per table). A cell that a spreadsheet would
 * read as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe, so that a crafted value
 * cannot run as one (CSV injection); numbers are written as numbers.
 */
import type ExcelJS from 'exceljs';
import { caseStatusLabels } from '../../../shared/domain/lifecycle';
import type { OnTimeReport, OnTimeRow, QueueCase } from '../../../shared/schemas/supervision';
import { channelLabels } from './onTimeReport';

type Cell = string | number | boolean | null;

function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: ReadonlyArray<readonly Cell[]>): string {
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const rateHeader = ['section', 'key', 'label_zh', 'label_en', 'total', 'on_time', 'late', 'rate', 'meets_target'];
const rateCells = (section: string, row: OnTimeRow): Cell[] => [
  section,
  row.key,
  row.labelZh,
  row.labelEn,
  row.total,
  row.onTime,
  row.late,
  row.rate === null ? null : Math.round(row.rate * 10_000) / 10_000,
  row.meetsTarget,
];

function rateSections(report: OnTimeReport): Array<[string, OnTimeRow[]]> {
  return [
    ['overall', [report.overall]],
    ['month', report.byMonth],
    ['unit', report.byUnit],
    ['officer', report.byOfficer],
    ['service', report.byService],
    ['channel', report.byChannel],
  ];
}

/** The on-time rates and the received counts, one table with a `section` column. */
export function onTimeReportCsv(report: OnTimeReport): string {
  const rows: Cell[][] = [rateHeader];
  for (const [section, list] of rateSections(report)) for (const row of list) rows.push(rateCells(section, row));
  for (const row of report.receivedByService) rows.push(['received-by-service', row.key, row.labelZh, row.labelEn, row.count, null, null, null, null]);
  for (const row of report.receivedByChannel) rows.push(['received-by-channel', row.key, row.labelZh, row.labelEn, row.count, null, null, null, null]);
  return csv(rows);
}

const caseHeader = ['case_no', 'unit', 'service_id', 'service_zh', 'channel', 'status', 'received_on', 'due_date', 'remaining_working_days', 'predicted_decision_on', 'risk'];
const caseCells = (item: QueueCase): Cell[] => [
  item.caseNo,
  item.unit,
  item.serviceId,
  item.serviceNameZh,
  item.channel,
  item.status,
  item.receivedOn,
  item.dueDate,
  item.remainingWorkingDays,
  item.predictedDecisionOn,
  item.risk,
];

/** A list of cases (overdue or at risk): no applicant data at all, not even masked. */
export function caseListCsv(cases: readonly QueueCase[]): string {
  return csv([caseHeader, ...cases.map(caseCells)]);
}

function addTable(book: ExcelJS.Workbook, name: string, header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  for (const cells of rows) sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell)));
  sheet.columns.forEach((column) => {
    column.width = Math.min(50, Math.max(10, ...(column.values ?? []).map((value) => String(value ?? '').length + 2)));
  });
}

export async function onTimeReportXlsx(report: OnTimeReport): Promise<Buffer> {
  // Loaded at the first export: it is the largest module of the server, and every module held in
  // memory is marked again at each full garbage collection, frequent while scans stream in (docs/BENCHMARKS.md § Sync upload).
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'CounterDesk';
  book.created = new Date(report.generatedAt);
  const rates: Cell[][] = [];
  for (const [section, list] of rateSections(report)) for (const row of list) rates.push(rateCells(section, row));
  addTable(book, '準時率 On-time', rateHeader, rates);
  const statusZh = (item: QueueCase): Cell[] => [...caseCells(item), caseStatusLabels[item.status].zh, channelLabels[item.channel].zh];
  addTable(book, '逾期 Overdue', [...caseHeader, 'status_zh', 'channel_zh'], report.overdue.map(statusZh));
  addTable(book, '將逾期 At risk', [...caseHeader, 'status_zh', 'channel_zh'], report.atRisk.map(statusZh));
  addTable(book, '收件數 Received', ['section', 'key', 'label_zh', 'label_en', 'count'], [
    ...report.receivedByService.map((row): Cell[] => ['service', row.key, row.labelZh, row.labelEn, row.count]),
    ...report.receivedByChannel.map((row): Cell[] => ['channel', row.key, row.labelZh, row.labelEn, row.count]),
  ]);
  const rateColumn = book.getWorksheet('準時率 On-time')?.getColumn(8);
  if (rateColumn) rateColumn.numFmt = '0.00%';
  return Buffer.from(await book.xlsx.writeBuffer());
}
