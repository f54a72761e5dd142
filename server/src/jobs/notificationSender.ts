/**
 * The notification sender: claims due messages from the outbox, sends each through the gateway, and
 * settles it — sent, back to pending with exponential back-off, or failed after `maxAttempts`.
 * Claims commit before the gateway is called, so no database transaction stays open across the
 * network; exactly-once delivery rests on the idempotency key each row keeps across attempts
 * (notificationStore.ts).
 */
import type { Database } from '../db/database';
import { claimDueNotifications, markNotificationAttemptFailed, markNotificationSent } from '../notifications/notificationStore';
import type { SmsGateway } from '../notifications/smsGateway';

export interface SenderOptions {
  now: Date;
  batchSize?: number;
  /** How long a claim holds a row; must exceed the gateway's timeout. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Delay before attempt `attempt + 1`, after attempt `attempt` failed. */
  backoffMs?: (attempt: number) => number;
}

export interface SenderRun {
  sent: number;
  retrying: number;
  failed: number;
}

export const defaultBackoffMs = (attempt: number): number => Math.min(30_000 * 2 ** (attempt - 1), 60 * 60 * 1000);

export async function sendDueNotifications(db: Database, gateway: SmsGateway, options: SenderOptions): Promise<SenderRun> {
  const { now } = options;
  const maxAttempts = options.maxAttempts ?? 10;
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const claims = await claimDueNotifications(db, now, options.batchSize ?? 50, options.leaseMs ?? 5 * 60 * 1000);
  const run: SenderRun = { sent: 0, retrying: 0, failed: 0 };
  for (const claim of claims) {
    const result = await gateway.send({ to: claim.recipient, body: claim.body, idempotencyKey: claim.idempotencyKey });
    if (result.ok) {
      if (await markNotificationSent(db, claim, result.messageId, now)) run.sent += 1;
      continue;
    }
    const retry = result.retryable && claim.attempt < maxAttempts;
    await markNotificationAttemptFailed(db, claim, result.error, retry ? new Date(now.getTime() + backoff(claim.attempt)) : undefined);
    if (retry) run.retrying += 1;
    else run.failed += 1;
  }
  return run;
}
