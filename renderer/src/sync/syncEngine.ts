import { countPending } from '../db/outbox';
import { readPushTrouble, retryTroubledPush } from '../db/pushTrouble';
import { getDb, type CounterDeskDb } from '../db/database';
import { ApiError, NetworkError, type ApiOptions } from './api';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { clockIsOff } from './clockOffset';
import { syncOnce, type SyncReport } from './syncClient';
import type { SyncStatusStore } from './syncStatus';

/**
 * Runs sync for the signed-in device: one run at a time, shortly after local changes, every
 * IDLE_INTERVAL_MS, and after a failure with capped exponential back-off plus jitter (so a counter
 * full of PCs coming back online does not hit the server in step).
 *
 * Failure classes: temporary (no network, 5xx, 429, a stalled upload) → retry with back-off;
 * `unauthorized` → sign out; `protocol_outdated` → "upgrade required", no more retries, nothing
 * local is touched; anything else → shown as an error and retried with back-off. A push the server
 * keeps failing is not resent forever: after a few tries the outbox "needs attention" and waits for
 * the clerk's retry (db/pushTrouble.ts, decision 0032).
 */

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;
const IDLE_INTERVAL_MS = 10_000;
/**
 * How long a local change waits for its sync. Not at once: the push, the pull and their database
 * writes run on the renderer's thread and store, where they would compete with the clerk's next
 * keystrokes and save; a burst of saves shares one run. A receipt SMS can wait a second and a half.
 */
const AFTER_CHANGE_DELAY_MS = 1_500;

/** Capped exponential back-off with "equal jitter": half fixed, half random, never above the cap. */
export function backoffDelay(attempt: number, random: () => number = Math.random, base = BASE_DELAY_MS, cap = MAX_DELAY_MS): number {
  const capped = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.round(capped / 2 + random() * (capped / 2));
}

export function isTemporary(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status >= 500 || error.status === 429 || error.status === 408;
  return false;
}

export interface SyncEngineOptions {
  serverUrl: string;
  getToken: () => string | undefined;
  onUnauthorized: () => void;
  /** The server refused this device (revoked): the app must stop syncing and wipe after telling the user. */
  onDeviceRevoked?: (message: string) => void | Promise<void>;
  /**
   * Runs after each successful sync with the same credentials (pushing the local audit log); answers
   * true when it changed local data the screens show (a purge), so they re-read it.
   */
  afterSync?: (api: ApiOptions) => Promise<unknown>;
  /** The station the signed-in device numbers cases for, read at each run: the run keeps case numbers in stock. */
  getStationCode?: () => string | undefined;
  /** Headers for every request besides the session, read at each run (the device credential). */
  getHeaders?: () => Record<string, string>;
  db?: CounterDeskDb;
  /** Where the engine reports: the app's shared store, or a private one per device in tests. */
  status: SyncStatusStore;
  /** The device clock; tests skew it. */
  now?: () => Date;
  random?: () => number;
  idleIntervalMs?: number;
  afterChangeDelayMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  uploadConcurrency?: number;
  chunkSize?: number;
  stallTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export class SyncEngine {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending timer fires (ms since the epoch). */
  private timerDue = 0;
  /** A local change came while a run was going: its outbox read may have missed it. */
  private changedDuringRun = false;
  private running: Promise<void> | undefined;
  private attempt = 0;
  private stopped = true;
  private readonly status: SyncStatusStore;
  /** A run since start() has checked this install's case numbers with the server (decision 0016). */
  private caseNumbersChecked = false;
  /** The outcome of the last run: the report, or the error it ended with. */
  lastResult: { report?: SyncReport; error?: unknown } = {};

  constructor(private readonly options: SyncEngineOptions) {
    this.status = options.status;
  }

  start(): void {
    this.stopped = false;
    this.caseNumbersChecked = false;
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The clerk's retry of a push that needs attention: it is sent again now. */
  async retryPush(): Promise<void> {
    await retryTroubledPush(this.options.db ?? getDb());
    this.attempt = 0;
    this.status.setState({ attention: undefined });
    await this.syncNow();
  }

  /** Runs now (or returns the run in progress). */
  syncNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * After a local change (a saved case, a decision): a run within AFTER_CHANGE_DELAY_MS, one for a
   * burst of changes; an earlier scheduled run is kept. A change during a run gets a run right after.
   */
  syncSoon(): void {
    if (this.stopped) return;
    if (this.running) {
      this.changedDuringRun = true;
      return;
    }
    const delay = this.options.afterChangeDelayMs ?? AFTER_CHANGE_DELAY_MS;
    if (this.timer && this.timerDue <= Date.now() + delay) return;
    this.schedule(delay);
  }

  private readonly onOnline = (): void => {
    void this.syncNow();
  };

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.syncNow(), delayMs);
  }

  private async run(): Promise<void> {
    const db = this.options.db ?? getDb();
    const now = this.options.now ?? (() => new Date());
    const token = this.options.getToken();
    this.changedDuringRun = false;
    this.status.setState({ pending: await countPending(db) });
    if (!token) return;
    if (this.status.getState().connectivity === 'upgrade-required') return;
    this.status.setState({ connectivity: 'syncing' });
    try {
      const report = await syncOnce({
        db,
        serverUrl: this.options.serverUrl,
        token,
        headers: this.options.getHeaders?.(),
        now,
        uploadConcurrency: this.options.uploadConcurrency,
        chunkSize: this.options.chunkSize,
        stallTimeoutMs: this.options.stallTimeoutMs,
        requestTimeoutMs: this.options.requestTimeoutMs,
        stationCode: this.options.getStationCode?.(),
        caseNumbers: this.caseNumbersChecked ? 'when-low' : 'check',
        onProgress: (progress) => this.status.setState({ progress }),
        onClockOffset: (clockOffsetMs) => this.status.setState({ clockOffsetMs, clockWarning: clockIsOff(clockOffsetMs) }),
      });
      this.lastResult = { report };
      this.caseNumbersChecked = true;
      let afterSyncChanged = false;
      if (this.options.afterSync) {
        const headers = this.options.getHeaders?.() ?? {};
        afterSyncChanged = (await this.options.afterSync({ serverUrl: this.options.serverUrl, token, headers: { ...headers, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) } })) === true;
      }
      this.attempt = 0;
      this.status.setState((s) => ({
        connectivity: 'online',
        offlineSince: undefined,
        lastError: undefined,
        progress: undefined,
        lastSyncedAt: now().toISOString(),
        // Screens re-read the store on a new revision: only when this run changed something in it,
        // or a 200,000-case list would restart its count every idle sync.
        revision: report.pushed + report.pulled + report.uploaded > 0 || afterSyncChanged ? s.revision + 1 : s.revision,
      }));
      this.status.setState({ pending: await countPending(db), attention: report.needsAttention });
      this.schedule(this.changedDuringRun ? (this.options.afterChangeDelayMs ?? AFTER_CHANGE_DELAY_MS) : (this.options.idleIntervalMs ?? IDLE_INTERVAL_MS));
    } catch (error) {
      this.lastResult = { error };
      const pending = await countPending(db);
      const trouble = await readPushTrouble(db);
      this.status.setState({ attention: trouble?.needsAttention ? trouble : undefined });
      const message = error instanceof Error ? error.message : String(error);
      this.status.setState((s) => ({ revision: s.revision + 1, progress: undefined, pending }));
      if (error instanceof ApiError && error.code === 'protocol_outdated') {
        // Nothing is retried or dropped: the outbox waits for the updated app.
        this.status.setState({ connectivity: 'upgrade-required', lastError: error });
        return;
      }
      if (error instanceof ApiError && error.code === 'device_revoked') {
        this.status.setState({ connectivity: 'error', lastError: error });
        this.stop();
        await this.options.onDeviceRevoked?.(message);
        return;
      }
      if (error instanceof ApiError && error.code === 'unauthorized') {
        this.status.setState({ connectivity: 'error', lastError: error });
        this.options.onUnauthorized();
        return;
      }
      if (error instanceof NetworkError) {
        this.status.setState((s) => ({ connectivity: 'offline', offlineSince: s.offlineSince ?? now().toISOString(), lastError: error }));
      } else {
        this.status.setState({ connectivity: 'error', lastError: error });
      }
      this.schedule(backoffDelay(this.attempt, this.options.random, this.options.backoffBaseMs, this.options.backoffCapMs));
      this.attempt += 1;
    }
  }
}
