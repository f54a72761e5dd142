/**
 * "Back online: what was sent." After offline work, the first successful sync ends with a summary
 * the worker reads and dismisses: cases pushed, documents uploaded (count and MB) and visit outcomes.
 *
 * The tracker watches the sync status: it notes that the device was offline, when each sync run
 * started and how many cases the run's progress counted as pushed. Documents are counted from what
 * the server confirmed since the run started (the uploads' confirmation times), not from progress,
 * which only knows bytes. Outcomes come from sending them (sendVisitOutcomes.ts), which the
 * Workspace's `afterSync` does through `afterSyncVisits` below.
 */
import { documentsConfirmedSince } from '../../db/visitStore';
import type { ApiOptions } from '../../sync/api';
import { useSyncStatus } from '../../state/syncStatus';
import { type SyncStatus } from '../../sync/syncStatus';
import { useReturnSummary, type ReturnSummary } from '../../state/returnSummary';
import { sendVisitOutcomes } from './sendVisitOutcomes';


interface Tracker {
  wasOffline: boolean;
  runStartedAt: string;
  casesDone: number;
}

const tracker: Tracker = { wasOffline: false, runStartedAt: new Date(0).toISOString(), casesDone: 0 };

/** Feeds the tracker from one status change; exported for the tests. */
export function trackSyncStatus(state: SyncStatus, previous: SyncStatus): void {
  if (state.connectivity === 'offline') tracker.wasOffline = true;
  if (state.connectivity === 'syncing' && previous.connectivity !== 'syncing') {
    tracker.runStartedAt = new Date().toISOString();
    tracker.casesDone = 0;
  }
  if (state.progress) tracker.casesDone = Math.max(tracker.casesDone, state.progress.casesDone);
}

/** Starts watching the sync status; returns the stop function. */
export function startReturnSummaryTracking(): () => void {
  return useSyncStatus.subscribe(trackSyncStatus);
}

/** The visit part of `afterSync`: send waiting outcomes, then, after offline work, the summary. */
export async function afterSyncVisits(api: ApiOptions): Promise<void> {
  const outcomes = await sendVisitOutcomes(api);
  if (!tracker.wasOffline) return;
  tracker.wasOffline = false;
  const documents = await documentsConfirmedSince(tracker.runStartedAt);
  const summary: ReturnSummary = {
    cases: tracker.casesDone,
    documents: documents.count,
    bytes: documents.bytes,
    outcomes: outcomes.sent,
    waiting: outcomes.waiting + outcomes.failed,
    at: new Date().toISOString(),
  };
  if (summary.cases + summary.documents + summary.outcomes + summary.waiting > 0) useReturnSummary.setState({ summary });
}
