import { MAX_AUDIT_PUSH, deviceAuditEntrySchema, type DeviceAuditEntry } from '../../../shared/schemas/audit';
import { safeParseStored } from '../../../shared/schemas/parseStored';
import type { CaseStatus } from '../../../shared/schemas/case';
import type { MutationName } from '../../../shared/sync/protocol';
import { getDb, type CounterDeskDb } from './database';
import type { CaseActionName } from '../../../shared/schemas/caseDesk';
import { auditRowSchema, type AuditAction, type AuditRow } from './counterRecords';
import { answeredThrough, effectiveState } from './outboxProgress';
import { outboxEntrySchema, type OutboxEntry } from './records';

/**
 * The local audit trail of a case: its outbox mutations (what was sent to the server, and the server's
 * answer) merged with local-only events (views, prints). Append-only: nothing here changes what an
 * entry says; the only update is the `pushed` flag, set once the server has acknowledged the entry.
 */

/** A local audit row as schema version 4 stores it: the entry id it is pushed under, and whether it was. */
export type LocalAuditRow = AuditRow & { entryId: string; pushed: 0 | 1; purpose?: string };

const auditTable = (db: CounterDeskDb) => db.table<LocalAuditRow, number>('audit');

export interface AuditInput {
  caseId: string;
  /** The signed-in user's username. */
  by: string;
  action: AuditAction;
  /** Why (受理、審核、補正、列印收執聯…): recorded with the entry on the server. */
  purpose?: string;
  detail?: string;
}

/** Records one view, print, export or change of a case in the local log, to be pushed to the server. */
export async function recordAuditEntry(input: AuditInput, db: CounterDeskDb = getDb()): Promise<void> {
  await auditTable(db).add({
    caseId: input.caseId,
    by: input.by,
    action: input.action,
    at: new Date().toISOString(),
    entryId: crypto.randomUUID(),
    pushed: 0,
    ...(input.purpose ? { purpose: input.purpose } : {}),
    ...(input.detail ? { detail: input.detail } : {}),
  });
}

export async function recordAudit(caseId: string, by: string, action: AuditAction, detail?: string, db: CounterDeskDb = getDb()): Promise<void> {
  await recordAuditEntry({ caseId, by, action, ...(detail ? { detail } : {}) }, db);
}

/** The oldest entries not yet acknowledged by the server, in the wire format of /v1/audit/push. */
export async function pendingAuditEntries(limit = MAX_AUDIT_PUSH, db: CounterDeskDb = getDb()): Promise<DeviceAuditEntry[]> {
  const rows = await auditTable(db).where('pushed').equals(0).limit(limit).toArray();
  return rows.flatMap((row) => {
    const entry = deviceAuditEntrySchema.safeParse({
      id: row.entryId,
      at: row.at,
      username: row.by,
      action: row.action,
      caseId: row.caseId,
      ...(row.purpose ? { purpose: row.purpose } : {}),
      ...(row.detail ? { detail: row.detail } : {}),
    });
    return entry.success ? [entry.data] : [];
  });
}

export async function markAuditPushed(entryIds: readonly string[], db: CounterDeskDb = getDb()): Promise<void> {
  if (entryIds.length === 0) return;
  await auditTable(db).where('entryId').anyOf([...entryIds]).modify({ pushed: 1 });
}

/**
 * Pushes every pending entry, batch by batch, through `send` (which posts to /v1/audit/push and
 * returns the acknowledged ids); returns how many were acknowledged. Entries are marked only after
 * the server's answer, so a lost answer means a repeat the server ignores, never a lost entry.
 */
export async function pushAuditEntries(send: (entries: DeviceAuditEntry[]) => Promise<readonly string[]>, db: CounterDeskDb = getDb()): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = await pendingAuditEntries(MAX_AUDIT_PUSH, db);
    if (batch.length === 0) return total;
    const acknowledged = await send(batch);
    const sent = new Set(batch.map((entry) => entry.id));
    const confirmed = acknowledged.filter((id) => sent.has(id));
    await markAuditPushed(confirmed, db);
    total += confirmed.length;
    // The server acknowledged none of what it was sent: stop rather than send the same batch forever.
    if (confirmed.length === 0) return total;
  }
}

/**
 * One line of a case's history, as data: the screen puts it into words. `what` is a mutation name
 * (createCase, setField, transition, attachDocument, caseAction, recordRating) or a local audit action
 * (viewed, printed-receipt…).
 */
export interface HistoryEntry {
  at: string;
  what: MutationName | AuditAction;
  by?: string;
  /** transition: the status it moved to; createCase: the status it was taken in. */
  status?: CaseStatus;
  /** setField: the field's path (applicant.phone); attachDocument: the document's kind. */
  subject?: string;
  /** A transition's reason or a local action's note, as the person typed it; a rating's score. */
  detail?: string;
  /** For mutations: the outbox state (pending, applied, duplicate, rejected). */
  sync?: OutboxEntry['state'];
  /** For a refused mutation: the server's refusal code. */
  code?: string;
  /** caseAction: the desk step (take, propose, …). */
  step?: CaseActionName;
}

function mutationHistory(entry: OutboxEntry, through: number): HistoryEntry {
  const { mutation, code } = entry;
  const base = { at: mutation.createdAt, what: mutation.name, sync: effectiveState(entry, through), ...(code ? { code } : {}) };
  switch (mutation.name) {
    case 'transition':
      return { ...base, status: mutation.args.to, ...(mutation.args.reason ? { detail: mutation.args.reason } : {}) };
    case 'setField':
      return { ...base, subject: mutation.args.field };
    case 'createCase':
      return { ...base, status: mutation.args.case.status };
    case 'attachDocument':
      return { ...base, subject: mutation.args.kind };
    case 'caseAction':
      return { ...base, step: mutation.args.step.action };
    case 'recordRating':
      return { ...base, detail: String(mutation.args.score) };
  }
}

export async function caseHistory(caseId: string, db: CounterDeskDb = getDb()): Promise<HistoryEntry[]> {
  const [outbox, audit, through] = await Promise.all([db.outbox.where('caseId').equals(caseId).toArray(), db.audit.where('caseId').equals(caseId).toArray(), answeredThrough(db)]);
  const entries: HistoryEntry[] = [];
  for (const row of outbox) {
    const parsed = safeParseStored(outboxEntrySchema, row);
    if (parsed.success) entries.push(mutationHistory(parsed.data, through));
  }
  for (const row of audit) {
    const parsed = auditRowSchema.safeParse(row);
    if (parsed.success) entries.push({ at: parsed.data.at, what: parsed.data.action, by: parsed.data.by, ...(parsed.data.detail ? { detail: parsed.data.detail } : {}) });
  }
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export type { AuditRow };
