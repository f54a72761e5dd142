/**
 * The front office report as tables, the same for its three files (CSV, XLSX, ODS): the queue
 * overall and by hour, group, counter and day; the ratings overall and by counter, clerk, service
 * and month; the comments. Durations in minutes (two decimals), shares as fractions.
 */
import type { FrontOfficeReport, QueueRow, RatingComment, RatingRow } from '../../../shared/schemas/frontOfficeReport';
import { tablesOds } from './odsSpreadsheet';
import type { Cell, SheetTable } from './spreadsheetTables';
import { tablesCsv, tablesXlsx } from './spreadsheetTables';

const minutes = (seconds: number | null): number | null => (seconds === null ? null : Math.round((seconds / 60) * 100) / 100);

const queueHeader = [
  'key', 'label_zh', 'label_en', 'issued', 'served', 'no_shows', 'no_show_share',
  'wait_median_min', 'wait_p90_min', 'service_median_min', 'service_p90_min', 'priority', 'priority_within_5_min', 'priority_share',
];
const queueCells = (row: QueueRow): Cell[] => [
  row.key, row.labelZh, row.labelEn, row.issued, row.served, row.noShows, row.noShowShare,
  minutes(row.waitMedian), minutes(row.waitP90), minutes(row.serviceMedian), minutes(row.serviceP90), row.priority, row.priorityOnTime, row.priorityShare,
];
const ratingHeader = ['key', 'label_zh', 'label_en', 'ratings', 'average', 'satisfied_share'];
const ratingCells = (row: RatingRow): Cell[] => [row.key, row.labelZh, row.labelEn, row.count, row.average, row.satisfiedShare];

/** An instant as the office reads it: 2026-03-02 09:05 (Asia/Taipei, no daylight saving). */
export function taipeiMinute(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 60 * 60 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

const commentHeader = ['rated_at', 'case_no', 'score', 'source', 'service_zh', 'service_en', 'counter', 'clerk', 'comment'];
const commentCells = (row: RatingComment): Cell[] => [taipeiMinute(row.ratedAt), row.caseNo, row.score, row.source, row.serviceZh, row.serviceEn, row.counter, row.clerk, row.comment];

export function frontOfficeTables(report: FrontOfficeReport): SheetTable[] {
  const queue = (name: string, rows: readonly QueueRow[]): SheetTable => ({ name, header: queueHeader, rows: rows.map(queueCells), percentColumns: [7, 14] });
  const ratings = (name: string, rows: readonly RatingRow[]): SheetTable => ({ name, header: ratingHeader, rows: rows.map(ratingCells), percentColumns: [6] });
  const { queue: q, satisfaction: s } = report;
  return [
    queue('叫號總覽 Queue', [q.overall]),
    queue('叫號-時段 By hour', q.byHour),
    queue('叫號-群組 By group', q.byGroup),
    queue('叫號-櫃台 By counter', q.byCounter),
    queue('叫號-日期 By day', q.byDay),
    ratings('滿意度總覽 Ratings', [s.overall]),
    ratings('滿意度-櫃台 By counter', s.byCounter),
    ratings('滿意度-人員 By clerk', s.byClerk),
    ratings('滿意度-服務 By service', s.byService),
    ratings('滿意度-月份 By month', s.byMonth),
    { name: '意見 Comments', header: commentHeader, rows: s.comments.map(commentCells) },
  ];
}

export const frontOfficeCsv = (report: FrontOfficeReport): string => tablesCsv(frontOfficeTables(report));
export const frontOfficeXlsx = (report: FrontOfficeReport): Promise<Buffer> => tablesXlsx(frontOfficeTables(report), new Date(report.generatedAt));
export const frontOfficeOds = (report: FrontOfficeReport): Promise<Buffer> => tablesOds(frontOfficeTables(report), new Date(report.generatedAt));
