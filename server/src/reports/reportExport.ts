/**
 * The on-time report as files: CSV and XLSX (one sheet per table), written as spreadsheetTables.ts
 * writes every report's tables (byte-order mark, CRLF, formula-like text defused).
 */
import { caseStatusLabels } from '../../../shared/domain/lifecycle';
import type { OnTimeReport, OnTimeRow, QueueCase } from '../../../shared/schemas/supervision';
import { channelLabels } from './onTimeReport';
import { addTable, csv, newWorkbook } from './spreadsheetTables';
import type { Cell } from './spreadsheetTables';

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

export async function onTimeReportXlsx(report: OnTimeReport): Promise<Buffer> {
  const book = await newWorkbook(new Date(report.generatedAt));
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
