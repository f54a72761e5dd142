/**
 * The one call the sync code makes when it applies a change to a case: it appends the change to the
 * case's history and queues the citizen's SMS that the change calls for, in the same transaction, so
 * a change and its message commit together or not at all.
 *
 *   intake (from null)                → 'received' (and 'deficiency' when received awaiting documents)
 *   → awaiting-documents              → 'deficiency'
 *   → approved | rejected | closed    → that kind
 *   extension                         → 'extension'
 *
 * Call it after the case row holds its new status, due date and deficiency: the message reads them.
 * Recording an intake twice (a replayed createCase) returns the first intake event and queues nothing.
 */
import type { Queryable } from '../db/database';
import { insertCaseEvent, listCaseEvents } from '../store/caseEventStore';
import type { CaseEvent, CaseEventInput } from '../store/caseEventStore';
import { enqueueNotification } from './notificationStore';
import type { NotificationSettings } from './notificationStore';
import type { NotificationKind } from './smsMessages';

/** The messages an event calls for, each with its event key (unique within its kind per case). */
export function notificationsFor(event: CaseEvent): Array<{ kind: NotificationKind; eventKey: string }> {
  const key = `event-${event.seq}`;
  if (event.kind === 'extension') return [{ kind: 'extension', eventKey: 'once' }];
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

export async function recordCaseEvent(tx: Queryable, event: CaseEventInput, settings: NotificationSettings): Promise<CaseEvent> {
  if (event.from === null) {
    const [first] = await listCaseEvents(tx, event.caseId);
    if (first) return first;
  }
  const recorded = await insertCaseEvent(tx, event);
  for (const { kind, eventKey } of notificationsFor(recorded)) {
    await enqueueNotification(tx, { ...settings, caseId: recorded.caseId, kind, eventKey, now: recorded.at });
  }
  return recorded;
}
