import { describe, expect, it } from 'vitest';
import { startIdleTimer, type IdleTimers } from './autoLock';

/** Timers driven by the test: `advance` runs what falls due. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; callback: () => void }>();
  const timers: IdleTimers = {
    setTimeout: (callback, ms) => {
      const id = next++;
      due.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => {
      due.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...due]) {
      if (timer.at <= now) {
        due.delete(id);
        timer.callback();
      }
    }
  };
  return { timers, advance };
}

describe('auto-lock idle timer', () => {
  it('locks after the idle minutes, and each input starts the wait again', () => {
    const target = new EventTarget();
    const { timers, advance } = manualTimers();
    let locks = 0;
    const stop = startIdleTimer(target, 10, () => (locks += 1), timers);
    advance(9 * 60_000);
    target.dispatchEvent(new Event('keydown'));
    advance(9 * 60_000);
    expect(locks).toBe(0);
    target.dispatchEvent(new Event('pointermove'));
    advance(10 * 60_000);
    expect(locks).toBe(1);
    stop();
  });

  it('does nothing once stopped', () => {
    const target = new EventTarget();
    const { timers, advance } = manualTimers();
    let locks = 0;
    const stop = startIdleTimer(target, 1, () => (locks += 1), timers);
    stop();
    target.dispatchEvent(new Event('keydown'));
    advance(5 * 60_000);
    expect(locks).toBe(0);
  });
});
