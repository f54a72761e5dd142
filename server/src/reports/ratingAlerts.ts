/**
 * The supervisor's low-rating alerts (今日低評分, docs/decisions/0037-ratings-reach-the-bureau.md): the
 * ratings at or below LOW_RATING_MAX given or received on the day (Asia/Taipei), and every earlier one
 * nobody has acknowledged, over the units the supervisor oversees (a rating belongs to its case's
 * handling unit). Acknowledging one is audited with who and when; the first acknowledgement stays.
 */
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import { addDays } from '../../../shared/domain/isoDate';
import { ratingSchema } from '../../../shared/schemas/visitRating';
import type { Rating } from '../../../shared/schemas/visitRating';
import type { Database } from '../db/database';
import { DomainError } from '../domain/domainError';
import { appendAudit } from '../store/auditStore';
import { acknowledgeRating, findRating, listLowRatings } from '../store/ratingStore';
import type { RatingRow } from '../store/ratingStore';
import { handlingUnitOfCase } from './caseAssessments';
import { oversees, requireOversight } from './oversight';
import type { Oversight } from './oversight';

/** The instants an office day (Asia/Taipei, no daylight saving) runs between: [from, to). */
export function officeDayBounds(day: string): { from: Date; to: Date } {
  return { from: new Date(`${day}T00:00:00+08:00`), to: new Date(`${addDays(day, 1)}T00:00:00+08:00`) };
}

function unitOf(row: Pick<RatingRow, 'unit' | 'service_id'>): string {
  return handlingUnitOfCase(row.unit, row.service_id, defaultCatalogue);
}

export function ratingOf(row: RatingRow): Rating {
  return ratingSchema.parse({
    id: row.id,
    caseId: row.case_id,
    caseNo: row.case_no,
    source: row.source,
    score: row.score,
    comment: row.comment,
    ratedAt: row.rated_at.toISOString(),
    serviceId: row.service_id,
    stationCode: row.station_code,
    clerk: row.clerk,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    petitionId: row.petition_id,
  });
}

/** The day's low ratings the supervisor oversees, newest first. */
export async function lowRatingAlerts(db: Database, oversight: Oversight, day: string): Promise<Rating[]> {
  const { from, to } = officeDayBounds(day);
  const rows = await listLowRatings(db, from, to);
  return rows.filter((row) => oversees(oversight, unitOf(row))).map(ratingOf);
}

/** A rating the supervisor may act on: not_found when there is none, forbidden when another unit's. */
export async function ratingInOversight(db: Database, oversight: Oversight, id: string): Promise<RatingRow> {
  const row = await findRating(db, id);
  if (!row) throw new DomainError('not_found', 'No such rating');
  requireOversight(oversight, unitOf(row));
  return row;
}

export interface Acting {
  username: string;
  deviceId: string;
  at: Date;
}

/** Marks the rating seen, audited (`rating.acknowledge`) with the optional note; answers it as it is now. */
export async function acknowledgeLowRating(db: Database, oversight: Oversight, id: string, acting: Acting, note?: string): Promise<Rating> {
  const row = await ratingInOversight(db, oversight, id);
  await db.transaction(async (tx) => {
    await acknowledgeRating(tx, row.id, acting.username, acting.at);
    await appendAudit(tx, {
      at: acting.at,
      userName: acting.username,
      deviceId: acting.deviceId,
      action: 'rating.acknowledge',
      purpose: 'low rating alert',
      caseId: row.case_id,
      details: { ratingId: row.id, score: row.score, ...(note ? { note } : {}) },
    });
  });
  const after = await findRating(db, id);
  if (!after) throw new Error(`rating ${id} vanished after its acknowledgement`);
  return ratingOf(after);
}
