/**
 * The renewal reminder job (主動服務): for every approved exemption or relief running out within the
 * month (reports/renewals.ts), queues the citizen's "renewal" SMS. The message's event key names the
 * expiry, so a case is reminded once per expiry however many runs see it, and again when a renewed
 * grant nears its new expiry. Rejected decisions have nothing to renew and are never listed.
 */
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { Database } from '../db/database';
import { enqueueNotification } from '../notifications/notificationStore';
import type { NotificationSettings } from '../notifications/notificationStore';
import { listRenewalsDue, renewalEventKey } from '../reports/renewals';

/** Once a day (and at start): the window is a month wide, so a day's wait loses nothing. */
export const RENEWAL_REMINDER_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface RenewalRun {
  /** Approved grants running out within the month. */
  due: number;
  /** Reminders queued in this run (skipped ones, for lack of a mobile, included). */
  queued: number;
}

export async function remindRenewals(db: Database, options: NotificationSettings & { now: Date }): Promise<RenewalRun> {
  const renewals = await listRenewalsDue(db, { today: taipeiDate(options.now), units: 'all' });
  let queued = 0;
  for (const renewal of renewals) {
    const outcome = await enqueueNotification(db, { ...options, caseId: renewal.id, kind: 'renewal', eventKey: renewalEventKey(renewal.expiresOn), now: options.now });
    if (outcome === 'queued' || outcome === 'skipped') queued += 1;
  }
  return { due: renewals.length, queued };
}
