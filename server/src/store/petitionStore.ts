/**
 * The complaints (陳情, petitions of migration 014) a supervisor opens from a rating's comment and
 * closes with a resolution. One per rating.
 */
import type { Queryable } from '../db/database';

export interface PetitionRow {
  id: string;
  rating_id: string;
  case_id: string;
  case_no: string;
  unit: string | null;
  service_id: string;
  summary: string;
  status: string;
  opened_by: string;
  opened_at: Date;
  resolution: string | null;
  closed_at: Date | null;
  comment: string | null;
}

const petitionColumns = `p.id, p.rating_id, p.case_id, c.case_no, c.unit, c.service_id, p.summary, p.status, p.opened_by, p.opened_at,
  p.resolution, p.closed_at, r.comment`;
const petitionSource = 'petitions p JOIN cases c ON c.id = p.case_id JOIN visit_ratings r ON r.id = p.rating_id';

/** Opens the petition unless the rating has one; true when it did. */
export async function insertPetitionIfAbsent(
  tx: Queryable,
  petition: { id: string; ratingId: string; caseId: string; summary: string; openedBy: string; openedAt: Date },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO petitions (id, rating_id, case_id, summary, status, opened_by, opened_at)
     VALUES ($1, $2, $3, $4, 'open', $5, $6) ON CONFLICT (rating_id) DO NOTHING`,
    [petition.id, petition.ratingId, petition.caseId, petition.summary, petition.openedBy, petition.openedAt],
  );
  return (rowCount ?? 0) > 0;
}

/** The most petitions one list reads. */
export const PETITIONS_READ_AT_MOST = 500;

/** Every open petition and those closed since `closedSince`, newest first. */
export async function listPetitions(db: Queryable, closedSince: Date): Promise<PetitionRow[]> {
  const { rows } = await db.query<PetitionRow>(
    `SELECT ${petitionColumns} FROM ${petitionSource}
      WHERE p.id = ANY (ARRAY(SELECT id FROM petitions WHERE status = 'open' UNION SELECT id FROM petitions WHERE status = 'closed' AND closed_at >= $1))
      ORDER BY p.opened_at DESC, p.id
      LIMIT ${PETITIONS_READ_AT_MOST}`,
    [closedSince],
  );
  return rows;
}

export async function findPetition(db: Queryable, id: string): Promise<PetitionRow | undefined> {
  const { rows } = await db.query<PetitionRow>(`SELECT ${petitionColumns} FROM ${petitionSource} WHERE p.id = $1`, [id]);
  return rows[0];
}

/** Closes an open petition; false when it was closed already. */
export async function closePetition(tx: Queryable, id: string, close: { resolution: string; by: string; at: Date }): Promise<boolean> {
  const { rowCount } = await tx.query(
    "UPDATE petitions SET status = 'closed', resolution = $2, closed_by = $3, closed_at = $4 WHERE id = $1 AND status = 'open'",
    [id, close.resolution, close.by, close.at],
  );
  return (rowCount ?? 0) > 0;
}
