/**
 * Auto-lock: the device locks after the bureau's idle minutes (device policy `autoLockMinutes`)
 * without keyboard, pointer or touch input in this window. Locking drops the data key (dataKey.ts);
 * the lock screen unlocks with the password, offline. The timer restarts on every input and whenever
 * the policy changes, so a shorter policy from the server applies from the next sync on.
 */
import { useEffect } from 'react';
import { useDevicePolicy } from './devicePolicy';
import { lockNow } from './dataKey';

export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export interface IdleTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: IdleTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Calls `onIdle` once after `minutes` without activity on `target`; returns the stop function. */
export function startIdleTimer(target: EventTarget, minutes: number, onIdle: () => void, timers: IdleTimers = realTimers): () => void {
  let handle: unknown;
  const arm = () => {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = timers.setTimeout(onIdle, minutes * 60_000);
  };
  const options: AddEventListenerOptions = { capture: true, passive: true };
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, arm, options);
  arm();
  return () => {
    if (handle !== undefined) timers.clearTimeout(handle);
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, arm, options);
  };
}

/** While `active` (signed in and unlocked), locks the device after the policy's idle minutes. */
export function useAutoLock(active: boolean): void {
  const minutes = useDevicePolicy((state) => state.policy.autoLockMinutes);
  useEffect(() => {
    if (!active) return;
    return startIdleTimer(window, minutes, () => void lockNow());
  }, [active, minutes]);
}
