/**
 * Purging closed cases from field laptops (docs/decisions/0011-encryption-at-rest.md).
 *
 * A device becomes a field laptop the first time a user with the `field-staff` role signs in on it
 * and stays one (a laptop lent to a clerk for a day is still a laptop that travels). Counter PCs keep
 * their closed cases: the counter's "earlier cases of this applicant" reads them.
 *
 * After each sync, a field laptop deletes its local copy of each case that:
 * - the server confirmed closed: status `closed` in the copy the last pull brought (`syncState` synced);
 * - has no outbox entry still pending and no rejection the clerk has not dismissed;
 * - has no document whose upload the server has not confirmed;
 * - was closed longer than the policy's `closedCaseRetentionDays` ago, measured on the server's clock:
 *   the server stamps a case (`syncedAt`) at every change, closing included, and a closed case changes
 *   no more; "now" is the device clock corrected by the offset the last sync measured.
 * With the case go its documents (bytes included), their upload rows and its outbox entries (which
 * carry the case's fields). Its audit entries stay until pushed (they hold no personal data).
 */
import type { Role } from '../../../shared/schemas/auth';
import { safeParseStored } from '../../../shared/schemas/parseStored';
import { getDb, type CounterDeskDb } from '../db/database';
import { answeredThrough, effectiveState } from '../db/outboxProgress';
import { uploadsTable } from '../db/documentStore';
import { localCaseSchema } from '../db/records';

const FIELD_LAPTOP_KEY = 'fieldLaptop';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Remembers that a field-staff user signed in here; answers whether this device is a field laptop. */
export async function noteFieldLaptop(roles: readonly Role[], db: CounterDeskDb = getDb()): Promise<boolean> {
  if (roles.includes('field-staff')) {
    await db.meta.put({ key: FIELD_LAPTOP_KEY, value: true });
    return true;
  }
  return (await db.meta.get(FIELD_LAPTOP_KEY))?.value === true;
}

export interface PurgeOptions {
  retentionDays: number;
  /** The server's "now" as the device best knows it (clockOffset.serverNow). */
  serverNow: Date;
  db?: CounterDeskDb;
}

/** Deletes the purgeable closed cases; answers their ids. */
export async function purgeClosedCases(options: PurgeOptions): Promise<string[]> {
  const db = options.db ?? getDb();
  const cutoff = options.serverNow.getTime() - options.retentionDays * DAY_MS;
  const uploads = uploadsTable(db);
  return db.transaction('rw', [db.cases, db.outbox, db.documents, uploads, db.meta], async () => {
    const purged: string[] = [];
    const through = await answeredThrough(db);
    const closed = await db.cases.where('status').equals('closed').toArray();
    for (const row of closed) {
      const parsed = safeParseStored(localCaseSchema, row);
      if (!parsed.success) continue;
      const local = parsed.data;
      if (local.syncState !== 'synced' || local.syncedAt === undefined || Date.parse(local.syncedAt) > cutoff) continue;
      const entries = await db.outbox.where('caseId').equals(local.id).toArray();
      if (entries.some((entry) => effectiveState(entry, through) === 'pending' || (entry.state === 'rejected' && !entry.acknowledgedAt))) continue;
      const caseUploads = await uploads.where('caseId').equals(local.id).toArray();
      if (caseUploads.some((upload) => upload.state !== 'uploaded')) continue;
      await db.documents.where('caseId').equals(local.id).delete();
      await uploads.where('caseId').equals(local.id).delete();
      await db.outbox.bulkDelete(entries.map((entry) => entry.id));
      await db.cases.delete(local.id);
      purged.push(local.id);
    }
    return purged;
  });
}
