import type { PushTrouble } from '../db/pushTrouble';

/**
 * What the sync engine (syncEngine.ts) tells the screens: connectivity, what waits, progress and the
 * last failure. The app's engine writes the shared store (state/syncStatus.ts); tests that run several
 * devices in one process give each engine a private one (createSyncStatusStore).
 */

/** How far a sync run has come, for the indicator's "12/40 cases · 3.1/9.0 MB". */
export interface SyncProgress {
  phase: 'upload' | 'push' | 'pull';
  casesTotal: number;
  casesDone: number;
  bytesTotal: number;
  bytesDone: number;
}

export type Connectivity = 'unknown' | 'online' | 'offline' | 'syncing' | 'error' | 'upgrade-required';

export interface SyncStatus {
  connectivity: Connectivity;
  pending: number;
  offlineSince?: string;
  /** The last run's failure, as thrown: the indicator puts it into words (lib/errorText.ts). */
  lastError?: unknown;
  lastSyncedAt?: string;
  progress?: SyncProgress;
  /** Server time minus device time, from the last answer (ms). */
  clockOffsetMs?: number;
  /** True when the device clock is off by more than CLOCK_WARNING_MS. */
  clockWarning: boolean;
  /** Bumped whenever local cases may have changed because of sync, so lists re-read. */
  revision: number;
  /** The outbox waits for the clerk: the server keeps failing its next mutation (db/pushTrouble.ts). */
  attention?: PushTrouble;
}

export interface SyncStatusStore {
  getState(): SyncStatus;
  setState(partial: Partial<SyncStatus> | ((state: SyncStatus) => Partial<SyncStatus>)): void;
}

export const initialSyncStatus: SyncStatus = { connectivity: 'unknown', pending: 0, revision: 0, clockWarning: false };


/** A private status store (tests run several devices in one process). */
export function createSyncStatusStore(): SyncStatusStore {
  let state: SyncStatus = { ...initialSyncStatus };
  return {
    getState: () => state,
    setState: (partial) => {
      state = { ...state, ...(typeof partial === 'function' ? partial(state) : partial) };
    },
  };
}
