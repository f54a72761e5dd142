/**
 * Complaints (陳情) opened by a supervisor from a citizen's rating and closed with a resolution
 * (docs/decisions/0037-ratings-reach-the-bureau.md). One per rating; opening one acknowledges the
 * rating. Over the units the supervisor oversees, like the ratings; every change audited.
 */
import { randomUUID } from 'node:crypto';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import { petitionSchema } from '../../../shared/schemas/visitRating';
import type { Petition } from '../../../shared/schemas/visitRating';
import type { Database } from '../db/database';
import { DomainError } from '../domain/domainError';
import { appendAudit } from '../store/auditStore';
import { closePetition, findPetition, insertPetitionIfAbsent, listPetitions } from '../store/petitionStore';
import type { PetitionRow } from '../store/petitionStore';
import { acknowledgeRating } from '../store/ratingStore';
import { handlingUnitOfCase } from './caseAssessments';
import { oversees, requireOversight } from './oversight';
import type { Oversight } from './oversight';
import { ratingInOversight } from './ratingAlerts';
import type { Acting } from './ratingAlerts';

/** How long a closed complaint stays in the list. */
export const CLOSED_PETITIONS_SHOWN_DAYS = 90;

function petitionOf(row: PetitionRow): Petition {
  return petitionSchema.parse({
    id: row.id,
    ratingId: row.rating_id,
    caseNo: row.case_no,
    summary: row.summary,
    status: row.status,
    openedBy: row.opened_by,
    openedAt: row.opened_at.toISOString(),
    resolution: row.resolution,
    closedAt: row.closed_at?.toISOString() ?? null,
    comment: row.comment,
  });
}

const unitOf = (row: PetitionRow) => handlingUnitOfCase(row.unit, row.service_id, defaultCatalogue);

/** The open complaints and those closed in the last CLOSED_PETITIONS_SHOWN_DAYS, of the units overseen. */
export async function petitionsFor(db: Database, oversight: Oversight, now: Date): Promise<Petition[]> {
  const rows = await listPetitions(db, new Date(now.getTime() - CLOSED_PETITIONS_SHOWN_DAYS * 86_400_000));
  return rows.filter((row) => oversees(oversight, unitOf(row))).map(petitionOf);
}

async function petitionById(db: Database, id: string): Promise<PetitionRow> {
  const row = await findPetition(db, id);
  if (!row) throw new DomainError('not_found', 'No such complaint');
  return row;
}

/** Opens the rating's complaint with the supervisor's summary; a rating that has one is a conflict. */
export async function openPetition(db: Database, oversight: Oversight, request: { ratingId: string; summary: string }, acting: Acting): Promise<Petition> {
  const rating = await ratingInOversight(db, oversight, request.ratingId);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const opened = await insertPetitionIfAbsent(tx, { id, ratingId: rating.id, caseId: rating.case_id, summary: request.summary, openedBy: acting.username, openedAt: acting.at });
    if (!opened) throw new DomainError('conflict', 'This rating has a complaint already');
    await acknowledgeRating(tx, rating.id, acting.username, acting.at);
    await appendAudit(tx, {
      at: acting.at,
      userName: acting.username,
      deviceId: acting.deviceId,
      action: 'petition.open',
      purpose: 'complaint from a rating',
      caseId: rating.case_id,
      details: { petitionId: id, ratingId: rating.id },
    });
  });
  return petitionOf(await petitionById(db, id));
}

/** Closes an open complaint with its resolution; a closed one is a conflict. */
export async function closePetitionOf(db: Database, oversight: Oversight, id: string, resolution: string, acting: Acting): Promise<Petition> {
  const row = await petitionById(db, id);
  requireOversight(oversight, unitOf(row));
  await db.transaction(async (tx) => {
    if (!(await closePetition(tx, id, { resolution, by: acting.username, at: acting.at }))) throw new DomainError('conflict', 'This complaint is closed already');
    await appendAudit(tx, {
      at: acting.at,
      userName: acting.username,
      deviceId: acting.deviceId,
      action: 'petition.close',
      purpose: 'complaint resolved',
      caseId: row.case_id,
      details: { petitionId: id },
    });
  });
  return petitionOf(await petitionById(db, id));
}
