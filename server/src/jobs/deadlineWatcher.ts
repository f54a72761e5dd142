/**
 * The deadline watcher: assesses every open case (reports/caseAssessments.ts) and, for each case at
 * risk, queues the citizen's "at risk" SMS. The message's event key is fixed ('once'), so a case is
 * announced once in its life however many runs see it at risk; an overdue case gets no such message
 * (it would come after the deadline it warns about). The supervisor's queue reads the same
 * assessment live, so the flag reaches the supervisor without waiting for a run.
 */
import type { Database } from '../db/database';
import { enqueueNotification } from '../notifications/notificationStore';
import type { NotificationSettings } from '../notifications/notificationStore';
import { assessOpenCases } from '../reports/caseAssessments';

export interface WatchRun {
  assessed: number;
  atRisk: number;
  overdue: number;
  /** At-risk messages queued in this run (skipped ones, for lack of a mobile, included). */
  notified: number;
}

export async function watchDeadlines(db: Database, options: NotificationSettings & { now: Date }): Promise<WatchRun> {
  const cases = await assessOpenCases(db, { now: options.now });
  const run: WatchRun = { assessed: cases.length, atRisk: 0, overdue: 0, notified: 0 };
  for (const item of cases) {
    if (item.risk === 'overdue') run.overdue += 1;
    if (item.risk !== 'at-risk') continue;
    run.atRisk += 1;
    const outcome = await enqueueNotification(db, { ...options, caseId: item.id, kind: 'at-risk', eventKey: 'once', now: options.now });
    if (outcome === 'queued' || outcome === 'skipped') run.notified += 1;
  }
  return run;
}
