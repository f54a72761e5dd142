/**
 * The citizens' ratings of a period counted in SQL (one scan, GROUPING SETS), over the cases of the
 * units the reader oversees: per counter (the rating's station), clerk, service, source, score and
 * month (Asia/Taipei). Each tally carries sums, not averages, so a caller can put two together.
 */
import type { Catalogue } from '../../../shared/domain/catalogue';
import type { RatingRow } from '../../../shared/schemas/frontOfficeReport';
import type { Queryable } from '../db/database';
import { caseUnitScope } from './caseUnitScope';

export type RatingDimension = 'all' | 'month' | 'station' | 'clerk' | 'service' | 'source' | 'score';

export interface RatingTally {
  dimension: RatingDimension;
  /** The month of the tally when counted per month, else null. */
  month: string | null;
  key: string;
  count: number;
  scoreSum: number;
  /** Scored 4 or 5. */
  satisfied: number;
  speedSum: number;
  speedCount: number;
  courtesySum: number;
  courtesyCount: number;
}

export interface RatingQuery {
  /** Taipei days, inclusive. */
  from: string;
  to: string;
  units: 'all' | readonly string[];
  catalogue: Catalogue;
  /** Each tally within its month (the monthly analysis), or over the whole period with a month dimension (the report). */
  perMonth: boolean;
}

/** The ratings of a period that the reader may see: rated within the Taipei days, on an overseen unit's case. */
export function ratingsInScope(query: Pick<RatingQuery, 'from' | 'to' | 'units' | 'catalogue'>): { sql: string; params: unknown[] } {
  const scope = caseUnitScope(query.units, query.catalogue, 'c', 3);
  return {
    sql: `visit_ratings r JOIN cases c ON c.id = r.case_id
          WHERE r.rated_at >= $1::date::timestamp AT TIME ZONE 'Asia/Taipei'
            AND r.rated_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Taipei'
            AND ${scope.sql}`,
    params: [query.from, query.to, ...scope.params],
  };
}

/** Each dimension's column; GROUPING() may name only the columns the query groups by. */
const columns: ReadonlyArray<[RatingDimension, string]> = [
  ['station', 'station_code'],
  ['clerk', 'clerk'],
  ['service', 'service_id'],
  ['source', 'source'],
  ['score', 'score'],
];
const PERIOD_DIMENSIONS: readonly RatingDimension[] = ['station', 'clerk', 'service'];
const MONTH_DIMENSIONS: readonly RatingDimension[] = ['source', 'service', 'station', 'clerk', 'score'];

/**
 * The grouping sets, and the expressions naming each row's dimension and key: over the period (with
 * the month as one more dimension), or within each month.
 */
function grouping(perMonth: boolean): { sets: string; dimension: string; key: string } {
  const used = columns.filter(([dimension]) => (perMonth ? MONTH_DIMENSIONS : PERIOD_DIMENSIONS).includes(dimension));
  const sets = perMonth ? ['(month)', ...used.map(([, column]) => `(month, ${column})`)] : ['()', '(month)', ...used.map(([, column]) => `(${column})`)];
  const when = (then: (dimension: RatingDimension, column: string) => string) =>
    [...used, ['month', 'month'] as const].map(([dimension, column]) => `WHEN GROUPING(${column}) = 0 THEN ${then(dimension, column)}`).join(' ');
  return {
    sets: sets.join(', '),
    dimension: `CASE ${when((dimension) => `'${dimension}'`)} ELSE 'all' END`,
    key: `CASE ${when((_, column) => `${column}::text`)} ELSE '' END`,
  };
}

export async function ratingTallies(db: Queryable, query: RatingQuery): Promise<RatingTally[]> {
  const source = ratingsInScope(query);
  const groups = grouping(query.perMonth);
  const { rows } = await db.query<RatingTally>(
    `WITH r AS (
       SELECT r.score, r.speed, r.courtesy, r.source, r.station_code, r.clerk, r.service_id,
              to_char(r.rated_at AT TIME ZONE 'Asia/Taipei', 'YYYY-MM') AS month
         FROM ${source.sql}
     ), tallies AS (
       SELECT ${groups.dimension} AS dimension, ${query.perMonth ? 'month' : 'NULL'} AS month, ${groups.key} AS key,
              count(*)::int AS count, COALESCE(sum(score), 0)::int AS "scoreSum",
              count(*) FILTER (WHERE score >= 4)::int AS satisfied,
              COALESCE(sum(speed), 0)::int AS "speedSum", count(speed)::int AS "speedCount",
              COALESCE(sum(courtesy), 0)::int AS "courtesySum", count(courtesy)::int AS "courtesyCount"
         FROM r
        GROUP BY GROUPING SETS (${groups.sets})
     )
     SELECT * FROM tallies WHERE count > 0`,
    source.params,
  );
  return rows;
}

const mean = (sum: number, count: number): number | null => (count === 0 ? null : Math.round((sum / count) * 100) / 100);

export function ratingRow(key: string, label: { zh: string; en: string }, tally: RatingTally | undefined): RatingRow {
  const count = tally?.count ?? 0;
  return {
    key,
    labelZh: label.zh,
    labelEn: label.en,
    count,
    average: mean(tally?.scoreSum ?? 0, count),
    satisfiedShare: count === 0 ? null : Math.round(((tally?.satisfied ?? 0) / count) * 10_000) / 10_000,
  };
}

export const speedAverage = (tally: RatingTally | undefined): number | null => mean(tally?.speedSum ?? 0, tally?.speedCount ?? 0);
export const courtesyAverage = (tally: RatingTally | undefined): number | null => mean(tally?.courtesySum ?? 0, tally?.courtesyCount ?? 0);
