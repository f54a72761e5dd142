/**
 * The SMS outbox (table `notifications`).
 *
 * Invariants:
 * - One row per (case, kind, event key): enqueueing an event again does nothing, so replays and
 *   retried jobs never queue a second message.
 * - A row's idempotency key is made once, at enqueue, and sent with every attempt; the gateway
 *   delivers a key at most once, so a timeout followed by a retry cannot deliver twice.
 * - A sender claims due rows (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so concurrent senders never
 *   claim the same row; PGlite has one connection and runs them one after the other) by moving them
 *   to `sending` with a lease and bumping `attempts`. Only the holder of the current claim (same
 *   `attempts`) may settle it; a sender that died leaves a lapsed lease, which the next run reclaims.
 * - A citizen without a mobile number gets a `skipped` row (reason `no-mobile`) instead of nothing,
 *   so the case shows that the message was not sent and why.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parsePhone } from '../../../shared/domain/phone';
import type { Queryable } from '../db/database';
import { composeMessage, notificationKinds, progressUrlOf } from './smsMessages';
import type { NotificationKind, NotificationLocale } from './smsMessages';

export const notificationStatusSchema = z.enum(['pending', 'sending', 'sent', 'skipped', 'failed']);
export type NotificationStatus = z.infer<typeof notificationStatusSchema>;
export const notificationKindSchema = z.enum(notificationKinds);

export interface NotificationSettings {
  /** The base of the progress URL in messages (config PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  /** The bureau's phone, quoted in the at-risk message. */
  bureauPhone: string;
}

export interface EnqueueInput extends NotificationSettings {
  caseId: string;
  kind: NotificationKind;
  /** What makes this event distinct within its kind ('intake', 'event-7', 'once'). */
  eventKey: string;
  now: Date;
}

export type EnqueueOutcome = 'queued' | 'skipped' | 'duplicate' | 'no-case';

/** What a message reads of its case (the columns of `cases` it needs, as text). */
export interface CaseForMessage {
  case_no: string;
  verifier: string;
  due_date: string;
  phone: string | null;
  preferred_language: string | null;
  supplement_by: string | null;
  /** An approved decision's expiry, for a renewal reminder. */
  expires_on?: string | null;
}

/** A queued message's content: who gets it (none without a mobile number) and what it says. */
export interface ComposedNotification {
  recipient: string | null;
  locale: NotificationLocale;
  body: string;
  segments: number;
  status: 'pending' | 'skipped';
  skipReason: 'no-mobile' | null;
}

/** The message for one event of a case; pure, so a batch of events can be queued in one INSERT. */
export function composeNotification(found: CaseForMessage, kind: NotificationKind, settings: NotificationSettings): ComposedNotification {
  const phone = parsePhone(found.phone ?? '');
  const mobile = phone.ok && phone.kind === 'mobile' ? phone.normalized : undefined;
  const locale: NotificationLocale = found.preferred_language === 'en' ? 'zh-TW+en' : 'zh-TW';
  const message = composeMessage(kind, locale, {
    caseNo: found.case_no,
    progressUrl: progressUrlOf(settings.publicBaseUrl, found.case_no, found.verifier),
    dueDate: found.due_date,
    ...(found.supplement_by ? { supplementBy: found.supplement_by } : {}),
    ...(found.expires_on ? { expiresOn: found.expires_on } : {}),
    bureauPhone: settings.bureauPhone,
  });
  return {
    recipient: mobile ?? null,
    locale,
    body: message.body,
    segments: message.segments,
    status: mobile ? 'pending' : 'skipped',
    skipReason: mobile ? null : 'no-mobile',
  };
}

/** The facts of a case its messages are composed from, as the row holds them now. */
export async function findCaseForMessage(tx: Queryable, caseId: string): Promise<CaseForMessage | undefined> {
  const { rows } = await tx.query<CaseForMessage>(
    `SELECT case_no, verifier, due_date::text AS due_date, applicant->>'phone' AS phone,
            applicant->>'preferredLanguage' AS preferred_language, deficiency->>'supplementBy' AS supplement_by,
            desk #>> '{decision,facts,expiresOn}' AS expires_on
       FROM cases WHERE id = $1`,
    [caseId],
  );
  return rows[0];
}

/** Queues the message for one event of a case, in the caller's transaction. */
export async function enqueueNotification(tx: Queryable, input: EnqueueInput): Promise<EnqueueOutcome> {
  const found = await findCaseForMessage(tx, input.caseId);
  if (!found) return 'no-case';
  const message = composeNotification(found, input.kind, input);
  const { rowCount } = await tx.query(
    `INSERT INTO notifications (case_id, kind, event_key, idempotency_key, recipient, locale, body, segments, status, skip_reason,
                                next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
     ON CONFLICT (case_id, kind, event_key) DO NOTHING`,
    [
      input.caseId,
      input.kind,
      input.eventKey,
      randomUUID(),
      message.recipient,
      message.locale,
      message.body,
      message.segments,
      message.status,
      message.skipReason,
      input.now,
    ],
  );
  if (rowCount === 0) return 'duplicate';
  return message.recipient ? 'queued' : 'skipped';
}

export interface ClaimedNotification {
  id: number;
  recipient: string;
  body: string;
  idempotencyKey: string;
  /** The attempt this claim is (1 for the first); settling checks it. */
  attempt: number;
}

/** Claims up to `limit` due messages for `leaseMs`, committing the claim before anything is sent. */
export async function claimDueNotifications(db: Queryable, now: Date, limit: number, leaseMs: number): Promise<ClaimedNotification[]> {
  const { rows } = await db.query<{ id: number; recipient: string; body: string; idempotency_key: string; attempts: number }>(
    `WITH due AS (
       SELECT id FROM notifications
        WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND claimed_until <= $1)
        ORDER BY next_attempt_at, id
        LIMIT $2
        FOR UPDATE SKIP LOCKED)
     UPDATE notifications n
        SET status = 'sending', attempts = n.attempts + 1, claimed_until = $3
       FROM due WHERE n.id = due.id
     RETURNING n.id, n.recipient, n.body, n.idempotency_key, n.attempts`,
    [now, limit, new Date(now.getTime() + leaseMs)],
  );
  return rows
    .map((row) => ({ id: row.id, recipient: row.recipient, body: row.body, idempotencyKey: row.idempotency_key, attempt: row.attempts }))
    .sort((a, b) => a.id - b.id);
}

export async function markNotificationSent(db: Queryable, claim: ClaimedNotification, gatewayMessageId: string, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET status = 'sent', sent_at = $3, gateway_message_id = $4, claimed_until = NULL, last_error = NULL
      WHERE id = $1 AND status = 'sending' AND attempts = $2`,
    [claim.id, claim.attempt, now, gatewayMessageId.slice(0, 200)],
  );
  return rowCount === 1;
}

/** Puts the message back for another attempt at `retryAt`, or marks it failed when `retryAt` is undefined. */
export async function markNotificationAttemptFailed(
  db: Queryable,
  claim: ClaimedNotification,
  error: string,
  retryAt: Date | undefined,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET status = $3, next_attempt_at = COALESCE($4, next_attempt_at), claimed_until = NULL, last_error = $5
      WHERE id = $1 AND status = 'sending' AND attempts = $2`,
    [claim.id, claim.attempt, retryAt ? 'pending' : 'failed', retryAt ?? null, error.slice(0, 500)],
  );
  return rowCount === 1;
}

export interface CaseNotification {
  id: number;
  kind: NotificationKind;
  status: NotificationStatus;
  skipReason: 'no-mobile' | null;
  segments: number;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

/** A case's messages, oldest first: what the supervisor sees on the case (sent, skipped and why). */
export async function listCaseNotifications(db: Queryable, caseId: string): Promise<CaseNotification[]> {
  const { rows } = await db.query<{
    id: number;
    kind: string;
    status: string;
    skip_reason: string | null;
    segments: number;
    attempts: number;
    created_at: Date;
    sent_at: Date | null;
    last_error: string | null;
  }>(
    `SELECT id, kind, status, skip_reason, segments, attempts, created_at, sent_at, last_error
       FROM notifications WHERE case_id = $1 ORDER BY id`,
    [caseId],
  );
  return rows.map((row) => ({
    id: row.id,
    kind: notificationKindSchema.parse(row.kind),
    status: notificationStatusSchema.parse(row.status),
    skipReason: row.skip_reason === 'no-mobile' ? 'no-mobile' : null,
    segments: row.segments,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
    lastError: row.last_error,
  }));
}
