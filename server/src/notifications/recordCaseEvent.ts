/**
 * The one call the sync code makes when it applies changes to cases: it appends each change to its
 * case's history and queues the citizen's SMS that the change calls for, in the same transaction, so
 * a change and its message commit together or not at all.
 *
 *   intake (from null)                → 'received' (and 'deficiency' when received awaiting documents)
 *   → awaiting-documents              → 'deficiency'
 *   → approved | rejected | closed    → that kind
 *   extension                         → 'extension'
 *   anything else                     → nothing: review started, sent for approval or returned, and the
 *                                       desk steps that keep the status (take, assign, note, a further
 *                                       request while the applicant is already awaited) are the
 *                                       bureau's own business; the progress page shows the stages
 *
 * A push records all its events in two statements whatever their number (`recordCaseEvents`): one
 * INSERT numbers and appends the events, one INSERT queues the messages. Each message is composed
 * from the case as its event left it (`CaseEventToRecord.caseAfter`), so a later change in the same
 * push (a new phone number, a due date moved again) does not leak into an earlier event's message.
 * Every message keeps its own idempotency key and its (case, kind, event key) uniqueness, so replays
 * queue nothing twice and no event loses its message.
 * Recording an intake of a case that already has a history (a replayed createCase) records nothing.
 */
import { randomUUID } from 'node:crypto';
import type { CaseRecord } from '../../../shared/schemas/case';
import type { Queryable } from '../db/database';
import { unnestRows } from '../db/unnestRows';
import type { UnnestTypes } from '../db/unnestRows';
import { caseEventRowColumns, caseEventFromRow, listCaseEvents } from '../store/caseEventStore';
import type { CaseEvent, CaseEventInput, CaseEventRow } from '../store/caseEventStore';
import { composeNotification, findCaseForMessage } from './notificationStore';
import type { CaseForMessage, NotificationSettings } from './notificationStore';
import type { NotificationKind } from './smsMessages';

/** The messages an event calls for, each with its event key (unique within its kind per case). */
export function notificationsFor(event: CaseEvent): Array<{ kind: NotificationKind; eventKey: string }> {
  const key = `event-${event.seq}`;
  if (event.kind === 'extension') return [{ kind: 'extension', eventKey: 'once' }];
  // An officer's request for documents while the case already awaits some (a further 補正通知, its own
  // list and deadline) is news to the citizen; any other desk step that kept the status (take, assign,
  // note) is not.
  if (event.kind === 'desk') return event.step === 'request-documents' ? [{ kind: 'deficiency', eventKey: key }] : [];
  if (event.kind === 'received') {
    return [{ kind: 'received', eventKey: 'intake' }, ...(event.to === 'awaiting-documents' ? [{ kind: 'deficiency' as const, eventKey: key }] : [])];
  }
  switch (event.to) {
    case 'awaiting-documents':
      return [{ kind: 'deficiency', eventKey: key }];
    case 'approved':
    case 'rejected':
    case 'closed':
      return [{ kind: event.to, eventKey: key }];
    default:
      return [];
  }
}

/** What the citizen's message reads of a case record (as `cases` stores it). */
export function messageFactsOf(record: Pick<CaseRecord, 'caseNo' | 'verifier' | 'dueDate' | 'applicant' | 'deficiency'>): CaseForMessage {
  return {
    case_no: record.caseNo,
    verifier: record.verifier,
    due_date: record.dueDate,
    phone: record.applicant.phone,
    preferred_language: record.applicant.preferredLanguage ?? null,
    supplement_by: record.deficiency?.supplementBy ?? null,
  };
}

export interface CaseEventToRecord extends CaseEventInput {
  /** The case as this event left it: its message is composed from this. */
  caseAfter: CaseForMessage;
}

/** A `notifications` row as queued, with each column's element type for `unnest`. */
interface NotificationInsert extends Record<string, unknown> {
  case_id: string;
  kind: string;
  event_key: string;
  idempotency_key: string;
  recipient: string | null;
  locale: string;
  body: string;
  segments: number;
  status: string;
  skip_reason: string | null;
  at: Date;
}

const notificationInsertTypes: UnnestTypes<NotificationInsert> = {
  case_id: 'uuid', kind: 'text', event_key: 'text', idempotency_key: 'uuid', recipient: 'text', locale: 'text', body: 'text',
  segments: 'int', status: 'text', skip_reason: 'text', at: 'timestamptz',
};

/**
 * Appends the events in the order given and queues their messages; returns, per event, the recorded
 * event, or undefined for an intake that was not recorded because its case already had a history.
 * The caller holds the locks of the cases (the push's transaction), so `seq` is free of races.
 */
export async function recordCaseEvents(tx: Queryable, events: readonly CaseEventToRecord[], settings: NotificationSettings): Promise<Array<CaseEvent | undefined>> {
  if (events.length === 0) return [];
  // An intake is recorded only when its case has no event yet — neither stored nor earlier in this
  // call — which is what recording the events one by one would do. Numbers continue each case's
  // history in the order given.
  const given = unnestRows(
    'e',
    { ord: 'int', case_id: 'uuid', at: 'timestamptz', kind: 'text', status_from: 'text', status_to: 'text', actor: 'text', reason: 'text', extension_days: 'int', step: 'text' },
    events.map((event, index) => ({
      ord: index,
      case_id: event.caseId,
      at: event.at,
      kind: event.kind ?? (event.from === null ? 'received' : 'transition'),
      status_from: event.from,
      status_to: event.to,
      actor: event.actor.slice(0, 64),
      reason: event.reason === undefined ? null : event.reason.slice(0, 500),
      extension_days: event.extensionDays ?? null,
      step: event.step ?? null,
    })),
  );
  const { rows } = await tx.query<CaseEventRow & { ord: number }>(
    `WITH input AS (
       SELECT * FROM ${given.from}
     ), kept AS (
       SELECT i.* FROM input i
        WHERE i.status_from IS NOT NULL
           OR (NOT EXISTS (SELECT 1 FROM case_events c WHERE c.case_id = i.case_id)
               AND NOT EXISTS (SELECT 1 FROM input j WHERE j.case_id = i.case_id AND j.ord < i.ord))
     ), numbered AS (
       SELECT k.*, COALESCE((SELECT MAX(c.seq) FROM case_events c WHERE c.case_id = k.case_id), 0)
                   + row_number() OVER (PARTITION BY k.case_id ORDER BY k.ord) AS seq
         FROM kept k
     ), inserted AS (
       INSERT INTO case_events (case_id, seq, at, kind, status_from, status_to, actor, reason, extension_days, step)
       SELECT case_id, seq, at, kind, status_from, status_to, actor, reason, extension_days, step FROM numbered ORDER BY ord
       RETURNING ${caseEventRowColumns}
     )
     SELECT n.ord, ${caseEventRowColumns.split(', ').map((column) => `inserted.${column}`).join(', ')}
       FROM inserted JOIN numbered n ON n.case_id = inserted.case_id AND n.seq = inserted.seq
      ORDER BY n.ord`,
    given.parameters,
  );
  const recorded: Array<CaseEvent | undefined> = events.map(() => undefined);
  for (const row of rows) recorded[row.ord] = caseEventFromRow(row);

  const messages: NotificationInsert[] = [];
  recorded.forEach((event, index) => {
    const input = events[index];
    if (!event || !input) return;
    for (const { kind, eventKey } of notificationsFor(event)) {
      const composed = composeNotification(input.caseAfter, kind, settings);
      messages.push({
        case_id: event.caseId,
        kind,
        event_key: eventKey,
        // Made once, here; a retried send reuses it, so the gateway delivers the message at most once.
        idempotency_key: randomUUID(),
        recipient: composed.recipient,
        locale: composed.locale,
        body: composed.body,
        segments: composed.segments,
        status: composed.status,
        skip_reason: composed.skipReason,
        at: event.at,
      });
    }
  });
  if (messages.length > 0) {
    const inserts = unnestRows('m', notificationInsertTypes, messages, { withOrdinality: true });
    await tx.query(
      `INSERT INTO notifications (case_id, kind, event_key, idempotency_key, recipient, locale, body, segments, status, skip_reason,
                                  next_attempt_at, created_at)
       SELECT m.case_id, m.kind, m.event_key, m.idempotency_key, m.recipient, m.locale, m.body, m.segments, m.status, m.skip_reason, m.at, m.at
         FROM ${inserts.from}
        ORDER BY m.ordinal
       ON CONFLICT (case_id, kind, event_key) DO NOTHING`,
      inserts.parameters,
    );
  }
  return recorded;
}

/**
 * One event, its message composed from the case row as it is now (call it after the row holds the
 * event's status, due date and deficiency). An intake of a case that has a history returns the first
 * event of that history and queues nothing.
 */
export async function recordCaseEvent(tx: Queryable, event: CaseEventInput, settings: NotificationSettings): Promise<CaseEvent> {
  const caseAfter = await findCaseForMessage(tx, event.caseId);
  if (!caseAfter) throw new Error(`case ${event.caseId} does not exist: its event cannot be recorded`);
  const [recorded] = await recordCaseEvents(tx, [{ ...event, caseAfter }], settings);
  if (recorded) return recorded;
  const [first] = await listCaseEvents(tx, event.caseId);
  if (!first) throw new Error(`case ${event.caseId} has no history although its intake was refused as a repeat`);
  return first;
}
