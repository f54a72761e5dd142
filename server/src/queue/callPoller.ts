/**
 * One reader of `queue_calls` per server process, feeding every hall display connected to it. It
 * reads the calls after the last id it has seen every `intervalMs`, so a call made through any server
 * process on the same database reaches every display within that time. It runs only while some
 * display listens: the first listener starts it, the last one leaving stops it.
 */
import type { DisplayCall } from '../../../shared/schemas/ticketQueue';
import type { Queryable } from '../db/database';
import { callsAfter } from './queueCalls';

export type CallListener = (calls: readonly DisplayCall[]) => void;

export interface CallPoller {
  /**
   * Starts listening; the returned function stops. `afterId` is where the listener has read up to: a
   * poller not yet running starts from there, so nothing committed meanwhile is missed. A running one
   * goes on from where it is, and the listener catches up on anything older itself.
   */
  listen(listener: CallListener, afterId: number): () => void;
  /** Stops reading and forgets every listener (the app is closing). */
  stop(): void;
  readonly running: boolean;
}

/** At most this many calls per read; a backlog is read on at the next tick. */
const READ_LIMIT = 200;

export function createCallPoller(db: Queryable, options: { intervalMs: number; onError: (error: unknown) => void }): CallPoller {
  const listeners = new Set<CallListener>();
  let timer: NodeJS.Timeout | undefined;
  let lastId = 0;
  let generation = 0;

  async function tick(own: number): Promise<void> {
    try {
      const calls = await callsAfter(db, lastId, READ_LIMIT);
      if (own !== generation) return;
      const last = calls.at(-1);
      if (last) {
        lastId = last.seq;
        for (const listener of listeners) listener(calls);
      }
    } catch (error) {
      options.onError(error);
    }
    if (own === generation) schedule(own);
  }

  function schedule(own: number): void {
    timer = setTimeout(() => void tick(own), options.intervalMs);
    timer.unref();
  }

  function stop(): void {
    generation += 1;
    if (timer) clearTimeout(timer);
    timer = undefined;
  }

  return {
    listen(listener, afterId) {
      listeners.add(listener);
      if (timer === undefined) {
        lastId = afterId;
        schedule(generation);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    stop() {
      listeners.clear();
      stop();
    },
    get running() {
      return timer !== undefined;
    },
  };
}
