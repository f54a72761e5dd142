/**
 * The ratings a supervisor reads one by one, newest first and capped: those with a comment (the
 * report), or the low ones with or without a comment (the monthly analysis). Each names its case
 * number, service, counter and clerk; never the citizen.
 */
import { LOW_RATING_MAX } from '../../../shared/schemas/visitRating';
import type { RatingComment } from '../../../shared/schemas/frontOfficeReport';
import type { Queryable } from '../db/database';
import type { RatingLabels } from './ratingLabels';
import { ratingsInScope } from './ratingTallies';
import type { RatingQuery } from './ratingTallies';

export interface StoredComment {
  id: string;
  case_no: string;
  rated_at: Date;
  score: number;
  source: 'counter' | 'survey';
  comment: string | null;
  service_id: string;
  station_code: string;
  clerk: string;
}

export async function ratingComments(
  db: Queryable,
  query: Pick<RatingQuery, 'from' | 'to' | 'units' | 'catalogue'>,
  options: { limit: number; which: 'commented' | 'low' },
): Promise<{ comments: StoredComment[]; capped: boolean }> {
  const source = ratingsInScope(query);
  const which = options.which === 'low' ? `r.score <= ${LOW_RATING_MAX}` : "btrim(COALESCE(r.comment, '')) <> ''";
  const { rows } = await db.query<StoredComment>(
    `SELECT r.id, c.case_no, r.rated_at, r.score, r.source, r.comment, r.service_id, r.station_code, r.clerk
       FROM ${source.sql} AND ${which}
      ORDER BY r.rated_at DESC, r.id
      LIMIT ${options.limit + 1}`,
    source.params,
  );
  return { comments: rows.slice(0, options.limit), capped: rows.length > options.limit };
}

/** A stored comment in the words the report shows. */
export function commentOf(row: StoredComment, labels: RatingLabels): Omit<RatingComment, 'comment'> & { comment: string | null } {
  const service = labels.service(row.service_id);
  return {
    id: row.id,
    caseNo: row.case_no,
    ratedAt: row.rated_at.toISOString(),
    score: row.score,
    source: row.source,
    comment: row.comment,
    serviceZh: service.zh,
    serviceEn: service.en,
    counter: labels.station(row.station_code).zh,
    clerk: labels.clerk(row.clerk).zh,
  };
}
