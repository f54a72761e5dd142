import type { DisplayCall, DisplaySnapshot } from '../../../../shared/schemas/ticketQueue';

/**
 * What the hall display shows, from the server's stream: a snapshot when it connects (or reconnects),
 * then each call. A call the display has already taken into account (one replayed after a reconnect,
 * or older than the snapshot) changes nothing and does not chime again.
 */
export interface HallState {
  serving: DisplaySnapshot['serving'];
  /** Newest first. */
  lastCalls: DisplayCall[];
  waiting: DisplaySnapshot['waiting'];
  /** The newest call already reflected in `serving`. */
  throughSeq: number;
}

export const LAST_CALLS_SHOWN = 8;

export const emptyHall: HallState = { serving: [], lastCalls: [], waiting: [], throughSeq: 0 };

/** Counters in the order people count them: 2號櫃台 before 10號櫃台. */
function byCounter(serving: DisplaySnapshot['serving']): DisplaySnapshot['serving'] {
  return [...serving].sort((a, b) => a.counter.localeCompare(b.counter, 'zh-Hant-TW', { numeric: true }));
}

export function withSnapshot(snapshot: DisplaySnapshot): HallState {
  const lastCalls = [...snapshot.lastCalls].sort((a, b) => b.seq - a.seq);
  return { serving: byCounter(snapshot.serving), lastCalls: lastCalls.slice(0, LAST_CALLS_SHOWN), waiting: snapshot.waiting, throughSeq: lastCalls[0]?.seq ?? 0 };
}

/** The waiting counts read again (the stream carries calls, not new tickets). */
export function withWaiting(state: HallState, waiting: DisplaySnapshot['waiting']): HallState {
  return { ...state, waiting };
}

/** `fresh`: a call not seen before, to be chimed and announced. */
export function withCall(state: HallState, call: DisplayCall): { state: HallState; fresh: boolean } {
  if (call.seq <= state.throughSeq) return { state, fresh: false };
  const serving = byCounter([...state.serving.filter((s) => s.counter !== call.counter), { counter: call.counter, number: call.number, group: call.group }]);
  // A recall calls a ticket already out of the queue; a first call takes one from its group.
  const waiting = call.recall ? state.waiting : state.waiting.map((w) => (w.group === call.group ? { ...w, count: Math.max(0, w.count - 1) } : w));
  const lastCalls = [call, ...state.lastCalls].slice(0, LAST_CALLS_SHOWN);
  return { state: { serving, lastCalls, waiting, throughSeq: call.seq }, fresh: true };
}
