/**
 * The citizens' ratings (visit_ratings, migrations 014 and 016). A row names the case, the service, the
 * counter and the clerk — copied from the case when the rating arrives — and never the applicant
 * (docs/decisions/0037-ratings-reach-the-bureau.md).
 */
import { LOW_RATING_MAX } from '../../../shared/schemas/visitRating';
import type { Queryable } from '../db/database';

export interface RatingInsert {
  id: string;
  caseId: string;
  source: 'counter' | 'survey';
  score: number;
  speed?: number;
  courtesy?: number;
  comment?: string;
  ratedAt: Date | string;
  receivedAt: Date;
  serviceId: string;
  stationCode: string;
  clerk: string;
}

/**
 * Stores the rating unless one with its id exists, or — for a survey — the case has its answer already
 * (the partial unique index). True when it stored it. Two answers racing: the loser waits for the
 * winner's commit and then does nothing.
 */
export async function insertRatingIfAbsent(tx: Queryable, rating: RatingInsert): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO visit_ratings (id, case_id, source, score, speed, courtesy, comment, rated_at, received_at, service_id, station_code, clerk)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT DO NOTHING`,
    [
      rating.id,
      rating.caseId,
      rating.source,
      rating.score,
      rating.speed ?? null,
      rating.courtesy ?? null,
      rating.comment ?? null,
      rating.ratedAt,
      rating.receivedAt,
      rating.serviceId,
      rating.stationCode,
      rating.clerk,
    ],
  );
  return (rowCount ?? 0) > 0;
}

/** True when the case has its survey answer. */
export async function hasSurveyAnswer(db: Queryable, caseId: string): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM visit_ratings WHERE case_id = $1 AND source = 'survey'", [caseId]);
  return (rowCount ?? 0) > 0;
}

/** A rating as the supervisor's lists read it, with its case's number and desk unit (for oversight). */
export interface RatingRow {
  id: string;
  case_id: string;
  case_no: string;
  unit: string | null;
  source: string;
  score: number;
  comment: string | null;
  rated_at: Date;
  service_id: string;
  station_code: string;
  clerk: string;
  acknowledged_at: Date | null;
  petition_id: string | null;
}

const ratingColumns = `r.id, r.case_id, c.case_no, c.unit, r.source, r.score, r.comment, r.rated_at, r.service_id, r.station_code, r.clerk,
  r.acknowledged_at, p.id AS petition_id`;
const ratingSource = 'visit_ratings r JOIN cases c ON c.id = r.case_id LEFT JOIN petitions p ON p.rating_id = r.id';

/** The most low ratings one list reads: a backlog nobody acknowledged cannot make the list unbounded. */
export const LOW_RATINGS_READ_AT_MOST = 1000;

/**
 * The low ratings of a day: given or received within [from, to), and every one given before `from`
 * not yet acknowledged; newest first. LOW_RATING_MAX is written into the statement so each branch
 * meets its partial index (a parameter would hide from the planner that the index covers it), and the
 * ids are gathered into an array first so the rows are then read by key, never by a scan of the table
 * (PostgreSQL's plan for `IN (…)` hash-joined the whole table once the estimate grew).
 */
export async function listLowRatings(db: Queryable, from: Date, to: Date): Promise<RatingRow[]> {
  const low = `r.score <= ${Number(LOW_RATING_MAX)}`;
  const { rows } = await db.query<RatingRow>(
    `SELECT ${ratingColumns} FROM ${ratingSource}
      WHERE r.id = ANY (ARRAY(
        SELECT id FROM visit_ratings r WHERE ${low} AND r.rated_at >= $1 AND r.rated_at < $2
        UNION SELECT id FROM visit_ratings r WHERE ${low} AND r.received_at >= $1 AND r.received_at < $2
        UNION SELECT id FROM visit_ratings r WHERE ${low} AND r.acknowledged_at IS NULL AND r.rated_at < $1))
      ORDER BY r.rated_at DESC, r.id
      LIMIT ${LOW_RATINGS_READ_AT_MOST}`,
    [from, to],
  );
  return rows;
}

export async function findRating(db: Queryable, id: string): Promise<RatingRow | undefined> {
  const { rows } = await db.query<RatingRow>(`SELECT ${ratingColumns} FROM ${ratingSource} WHERE r.id = $1`, [id]);
  return rows[0];
}

/** Marks the rating seen, unless someone did already (the first acknowledgement stays). */
export async function acknowledgeRating(tx: Queryable, id: string, by: string, at: Date): Promise<void> {
  await tx.query('UPDATE visit_ratings SET acknowledged_at = $3, acknowledged_by = $2 WHERE id = $1 AND acknowledged_at IS NULL', [id, by, at]);
}
