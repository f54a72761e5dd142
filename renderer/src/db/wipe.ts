import { z } from 'zod';
import { getDb, type CounterDeskDb } from './database';
import { openDocumentRow } from './documentStore';
import type { DocumentRow, DraftRow } from './counterRecords';
import { answeredThrough, effectiveState } from './outboxProgress';
import type { LocalCase, OutboxEntry } from './records';
import type { LocalAuditRow } from './auditStore';

/**
 * Removing taxpayer data from a revoked device.
 *
 * Invariant: work the server does not have (cases not synced, outbox entries not applied, their
 * documents, intake drafts, audit entries not pushed) is removed only together with writing its
 * encrypted export (`wipeTaxpayerData({ keepUnsynced: false })` is called only after the export is
 * stored); without an export it stays, and only what the server confirmed is removed.
 *
 * The keyring (the wrapped data keys) goes with a full wipe, so nothing left on the disk can be
 * opened again. When unsynced work is kept it stays, sealed, with the keyring: removing the keys
 * would destroy that work as surely as deleting it.
 */

export interface UnsyncedWork {
  cases: LocalCase[];
  outbox: OutboxEntry[];
  documents: DocumentRow[];
  drafts: DraftRow[];
  audit: LocalAuditRow[];
}

const confirmedStates = new Set(['applied', 'duplicate']);

export async function collectUnsyncedWork(db: CounterDeskDb = getDb()): Promise<UnsyncedWork> {
  const work = await db.transaction('r', [db.cases, db.outbox, db.documents, db.drafts, db.audit, db.meta], async () => {
    const through = await answeredThrough(db);
    const outbox = (await db.outbox.toArray()).filter((entry) => !confirmedStates.has(effectiveState(entry, through)));
    const caseIds = new Set(outbox.map((entry) => entry.caseId));
    const cases = (await db.cases.toArray()).filter((record) => record.syncState !== 'synced' || caseIds.has(record.id));
    for (const record of cases) caseIds.add(record.id);
    const documents = (await db.documents.toArray()).filter((doc) => caseIds.has(doc.caseId));
    const drafts = await db.drafts.toArray();
    const audit = await db.table<LocalAuditRow, number>('audit').where('pushed').equals(0).toArray();
    return { cases, outbox, documents, drafts, audit };
  });
  // The export carries the documents' plain bytes: sealed Blobs are opened after the transaction.
  return { ...work, documents: await Promise.all(work.documents.map((doc) => openDocumentRow(doc, db))) };
}

export function hasUnsyncedWork(work: UnsyncedWork): boolean {
  return work.cases.length + work.outbox.length + work.documents.length + work.drafts.length + work.audit.length > 0;
}

/** Keys of `meta` that hold no taxpayer data and tell the app what happened; everything else goes. */
const KEPT_META = new Set(['deviceRevoked', 'revocationExport', 'clientId']);

/**
 * Removes the taxpayer data: everything, or (keepUnsynced) only what the server has confirmed.
 * Sessions and offline sign-in grants always go: nobody signs in on a revoked device again.
 */
export async function wipeTaxpayerData(options: { keepUnsynced: boolean }, db: CounterDeskDb = getDb()): Promise<void> {
  const keep = options.keepUnsynced ? await collectUnsyncedWork(db) : undefined;
  await db.transaction('rw', db.tables, async () => {
    // Read before `meta` goes: the entries it says are answered are among those removed below.
    const through = await answeredThrough(db);
    for (const key of await db.meta.toCollection().primaryKeys()) {
      if (!KEPT_META.has(String(key))) await db.meta.delete(key);
    }
    await db.feedback.clear();
    if (!keep) {
      for (const table of db.tables) if (table.name !== 'meta') await table.clear();
      return;
    }
    const keptCases = new Set(keep.cases.map((record) => record.id));
    await db.cases.filter((record) => !keptCases.has(record.id)).delete();
    await db.documents.filter((doc) => !keptCases.has(doc.caseId)).delete();
    await db.outbox.filter((entry) => confirmedStates.has(effectiveState(entry, through))).delete();
    await db.table<LocalAuditRow, number>('audit').where('pushed').equals(1).delete();
  });
}

export const revocationRecordSchema = z.object({
  at: z.string(),
  /** The server's words, shown to the user. */
  message: z.string(),
  /** Whether unsynced work was exported (encrypted) and then removed, or kept because it could not be. */
  unsynced: z.enum(['none', 'exported', 'kept']),
});
export type RevocationRecord = z.infer<typeof revocationRecordSchema>;

export const encryptedExportSchema = z.object({
  format: z.literal('counterdesk-encrypted-export/1'),
  algorithm: z.literal('RSA-OAEP-256+A256GCM'),
  deviceId: z.string(),
  createdAt: z.string(),
  wrappedKey: z.string(),
  iv: z.string(),
  ciphertext: z.string(),
});
export type EncryptedExport = z.infer<typeof encryptedExportSchema>;

export async function saveRevocation(record: RevocationRecord, exported: EncryptedExport | undefined, db: CounterDeskDb = getDb()): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if (exported) await db.meta.put({ key: 'revocationExport', value: encryptedExportSchema.parse(exported) });
    await db.meta.put({ key: 'deviceRevoked', value: revocationRecordSchema.parse(record) });
  });
}

export async function loadRevocation(db: CounterDeskDb = getDb()): Promise<RevocationRecord | undefined> {
  const parsed = revocationRecordSchema.safeParse((await db.meta.get('deviceRevoked'))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function loadRevocationExport(db: CounterDeskDb = getDb()): Promise<EncryptedExport | undefined> {
  const parsed = encryptedExportSchema.safeParse((await db.meta.get('revocationExport'))?.value);
  return parsed.success ? parsed.data : undefined;
}
