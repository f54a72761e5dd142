/**
 * How much local space is used and left, and whether a capture may start.
 *
 * Invariant: the clerk is warned before capturing whenever the space left could not hold
 * CAPTURE_RESERVE_BYTES (a generous multi-page document plus the database's own overhead), so a
 * capture is not started only to fail on save. The write itself stays transactional (addDocument):
 * this check prevents surprises, it is not what keeps the case whole.
 */

export const CAPTURE_RESERVE_BYTES = 30 * 1024 * 1024;

export interface StorageBudget {
  usedBytes: number;
  quotaBytes: number;
  leftBytes: number;
  /** 0..1; 0 when the quota is unknown. */
  usedFraction: number;
  /** Below the reserve, or a write was refused for lack of space: warn before capture. */
  low: boolean;
  /** When IndexedDB last refused a write for lack of space, if no write has succeeded since. */
  refusedAt?: string;
}

export function storageBudget(estimate: { usage?: number; quota?: number }, reserveBytes = CAPTURE_RESERVE_BYTES, refusedAt?: string): StorageBudget | undefined {
  if (estimate.quota === undefined || estimate.usage === undefined) return undefined;
  const usedBytes = Math.max(0, estimate.usage);
  const quotaBytes = Math.max(0, estimate.quota);
  const leftBytes = Math.max(0, quotaBytes - usedBytes);
  return {
    usedBytes,
    quotaBytes,
    leftBytes,
    usedFraction: quotaBytes === 0 ? 1 : Math.min(1, usedBytes / quotaBytes),
    low: leftBytes < reserveBytes || refusedAt !== undefined,
    ...(refusedAt ? { refusedAt } : {}),
  };
}

/*
 * The estimate is not the whole truth: Chromium reports at most usage + 10 GiB to a page, and a quota
 * the browser enforces below that (a profile or policy limit) never shows in it. A write that IndexedDB
 * refused for lack of space is certain, so it is remembered for the window's session (it survives a
 * reload, not a restart) and keeps the meter warning before the next capture until a write succeeds.
 */
const REFUSAL_KEY = 'counterdesk.storageRefusedAt';
let refusedInMemory: string | undefined;

function session(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    // A sandboxed frame may throw on access; the in-memory copy still warns.
    return undefined;
  }
}

export function rememberQuotaRefusal(at: Date = new Date()): void {
  refusedInMemory = at.toISOString();
  try {
    session()?.setItem(REFUSAL_KEY, refusedInMemory);
  } catch {
    // sessionStorage full as well: the in-memory copy still warns.
  }
}

export function forgetQuotaRefusal(): void {
  refusedInMemory = undefined;
  session()?.removeItem(REFUSAL_KEY);
}

export function lastQuotaRefusal(): string | undefined {
  const stored = session()?.getItem(REFUSAL_KEY) ?? undefined;
  return refusedInMemory ?? (stored && !Number.isNaN(Date.parse(stored)) ? stored : undefined);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${bytes} B`;
}

