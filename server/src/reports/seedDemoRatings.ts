/**
 * For the demo (SEED_DEMO=1), after the demo renewal case (seedDemoRenewal.ts): ratings on that case —
 * the citizen's rating at the visit and the survey after the result was handed over — and one low
 * rating with a comment today, so the demo supervisor finds an alert on first start. Idempotent: the
 * first two once per case, the low one once per office day.
 */
import { randomUUID } from 'node:crypto';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { Database } from '../db/database';
import { insertRatingIfAbsent } from '../store/ratingStore';
import type { RatingInsert } from '../store/ratingStore';
import { officeDayBounds } from './ratingAlerts';

const DEMO_STATION = 'KLDEMO';
const MINUTE = 60_000;

export async function seedDemoRatings(db: Database, now: Date): Promise<void> {
  const { rows } = await db.query<{ id: string; service_id: string; station_code: string; created_by: string; received_at: Date }>(
    `SELECT id, service_id, station_code, created_by, received_at FROM cases
      WHERE station_code = $1 AND deleted_at IS NULL ORDER BY received_at DESC LIMIT 1`,
    [DEMO_STATION],
  );
  const demo = rows[0];
  if (!demo) return;
  const ofCase = { caseId: demo.id, serviceId: demo.service_id, stationCode: demo.station_code, clerk: demo.created_by };
  const at = (ms: number) => new Date(demo.received_at.getTime() + ms);
  const { from, to } = officeDayBounds(taipeiDate(now));
  await db.transaction(async (tx) => {
    const { rowCount: rated } = await tx.query('SELECT 1 FROM visit_ratings WHERE case_id = $1 LIMIT 1', [demo.id]);
    const seeded: RatingInsert[] = [];
    if (!rated) {
      seeded.push({ ...ofCase, id: randomUUID(), source: 'counter', score: 5, comment: '說明很清楚，謝謝。', ratedAt: at(20 * MINUTE), receivedAt: at(21 * MINUTE) });
      seeded.push({ ...ofCase, id: randomUUID(), source: 'survey', score: 4, speed: 4, courtesy: 5, ratedAt: at(5 * 1440 * MINUTE), receivedAt: at(5 * 1440 * MINUTE) });
    }
    const { rowCount: lowToday } = await tx.query('SELECT 1 FROM visit_ratings WHERE case_id = $1 AND score <= 2 AND rated_at >= $2 AND rated_at < $3', [demo.id, from, to]);
    if (!lowToday) {
      seeded.push({ ...ofCase, id: randomUUID(), source: 'counter', score: 2, comment: '等候時間太長，櫃台對免稅資格的說明也不夠清楚。', ratedAt: now, receivedAt: now });
    }
    for (const rating of seeded) await insertRatingIfAbsent(tx, rating);
  });
}
