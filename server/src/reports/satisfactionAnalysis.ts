/**
 * The monthly survey analysis (滿意度調查分析報告): a month's ratings — how many, the average, the
 * spread of scores 1–5, by source, service, counter and clerk — each beside the previous month's
 * average, the low ratings with their comments, and the complaints (陳情) opened in the month. Over
 * the cases of the units the reader oversees, like every rating figure (ratingTallies.ts).
 */
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { addDays, addMonths } from '../../../shared/domain/isoDate';
import { MAX_ANALYSIS_LOW_RATINGS } from '../../../shared/schemas/frontOfficeReport';
import type { AnalysisRow, Complaint, SatisfactionAnalysis } from '../../../shared/schemas/frontOfficeReport';
import type { Queryable } from '../db/database';
import { caseUnitScope } from './caseUnitScope';
import { commentOf, ratingComments } from './ratingComments';
import { ratingLabels } from './ratingLabels';
import type { Label } from './ratingLabels';
import { courtesyAverage, ratingRow, ratingTallies, speedAverage } from './ratingTallies';
import type { RatingDimension, RatingTally } from './ratingTallies';

const firstDay = (month: string) => `${month}-01`;
const lastDay = (month: string) => addDays(addMonths(firstDay(month), 1), -1);
export const previousMonthOf = (month: string): string => addMonths(firstDay(month), -1).slice(0, 7);

function analysisRow(key: string, label: Label, current: RatingTally | undefined, previous: RatingTally | undefined): AnalysisRow {
  const row = ratingRow(key, label, current);
  const previousAverage = ratingRow(key, label, previous).average;
  const change = row.average === null || previousAverage === null ? null : Math.round((row.average - previousAverage) * 100) / 100;
  return { ...row, previousAverage, change };
}

/** One dimension's rows: every key rated in either month, this month's figures beside last month's average. */
function analysisRows(tallies: readonly RatingTally[], months: { month: string; previous: string }, dimension: RatingDimension, label: (key: string) => Label): AnalysisRow[] {
  const of = (month: string) => new Map(tallies.filter((t) => t.dimension === dimension && t.month === month).map((t) => [t.key, t]));
  const current = of(months.month);
  const previous = of(months.previous);
  return [...new Set([...current.keys(), ...previous.keys()])].sort().map((key) => analysisRow(key, label(key), current.get(key), previous.get(key)));
}

async function complaintsOpened(db: Queryable, month: string, units: 'all' | readonly string[], catalogue: Catalogue): Promise<Complaint[]> {
  const scope = caseUnitScope(units, catalogue, 'c', 3);
  const { rows } = await db.query<{ id: string; case_no: string; opened_at: Date; summary: string; status: 'open' | 'closed'; closed_at: Date | null }>(
    `SELECT p.id, c.case_no, p.opened_at, p.summary, p.status, p.closed_at
       FROM petitions p JOIN cases c ON c.id = p.case_id
      WHERE p.opened_at >= $1::date::timestamp AT TIME ZONE 'Asia/Taipei' AND p.opened_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Taipei'
        AND ${scope.sql}
      ORDER BY p.opened_at, p.id`,
    [firstDay(month), lastDay(month), ...scope.params],
  );
  return rows.map((row) => ({ id: row.id, caseNo: row.case_no, openedAt: row.opened_at.toISOString(), summary: row.summary, status: row.status, closedAt: row.closed_at?.toISOString() ?? null }));
}

export async function buildSatisfactionAnalysis(
  db: Queryable,
  month: string,
  options: { now: Date; units: 'all' | readonly string[]; catalogue?: Catalogue },
): Promise<SatisfactionAnalysis> {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const months = { month, previous: previousMonthOf(month) };
  const scope = { units: options.units, catalogue };
  const tallies = await ratingTallies(db, { ...scope, from: firstDay(months.previous), to: lastDay(month), perMonth: true });
  const low = await ratingComments(db, { ...scope, from: firstDay(month), to: lastDay(month) }, { limit: MAX_ANALYSIS_LOW_RATINGS, which: 'low' });
  const keysOf = (dimension: RatingDimension) => tallies.filter((t) => t.dimension === dimension).map((t) => t.key);
  const labels = await ratingLabels(db, { stations: [...keysOf('station'), ...low.comments.map((c) => c.station_code)], clerks: [...keysOf('clerk'), ...low.comments.map((c) => c.clerk)] }, catalogue);
  const overall = (of: string) => tallies.find((t) => t.dimension === 'month' && t.month === of);
  const current = overall(month);
  const scores = new Map(tallies.filter((t) => t.dimension === 'score' && t.month === month).map((t) => [Number(t.key), t.count]));
  const total = current?.count ?? 0;
  return {
    generatedAt: options.now.toISOString(),
    month,
    previousMonth: months.previous,
    overall: analysisRow(month, labels.month(month), current, overall(months.previous)),
    previousCount: overall(months.previous)?.count ?? 0,
    distribution: [1, 2, 3, 4, 5].map((score) => {
      const count = scores.get(score) ?? 0;
      return { score, count, share: total === 0 ? null : Math.round((count / total) * 10_000) / 10_000 };
    }),
    speedAverage: speedAverage(current),
    courtesyAverage: courtesyAverage(current),
    bySource: analysisRows(tallies, months, 'source', labels.source),
    byService: analysisRows(tallies, months, 'service', labels.service),
    byCounter: analysisRows(tallies, months, 'station', labels.station),
    byClerk: analysisRows(tallies, months, 'clerk', labels.clerk),
    lowRatings: low.comments.map((row) => commentOf(row, labels)),
    lowRatingsCapped: low.capped,
    complaints: await complaintsOpened(db, month, options.units, catalogue),
  };
}
