import Dexie from 'dexie';
import type { CounterDeskDb } from './database';
import type { OutboxEntry } from './records';

/**
 * How far the server has answered this device's outbox: every entry up to this id is answered.
 *
 * The push sends mutations in id order and the server answers each one, so one number in `meta`,
 * written in the transaction that records a push's answers, says what a rewrite of every answered
 * entry would say, without re-encrypting and storing again a sealed record with its indexes for each
 * of the thousands of mutations a day offline queues (figures: docs/BENCHMARKS.md § Sync upload).
 *
 * So an entry stored `pending` at or below this id was applied (or was a duplicate the server had
 * already applied, which is the same to this device). Only refused entries are written again, with
 * the reason the clerk reads. Every reader of an entry's state goes through `effectiveState`, and
 * every query for waiting entries through `waitingEntries`: the `state` index alone still lists
 * answered entries as pending.
 */
export const ANSWERED_THROUGH_KEY = 'outboxAnsweredThrough';

/** The highest id up to which the server has answered every entry; 0 before the first answer. */
export async function answeredThrough(db: CounterDeskDb): Promise<number> {
  const row = await db.meta.get(ANSWERED_THROUGH_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

export function effectiveState(entry: Pick<OutboxEntry, 'id' | 'state'>, through: number): OutboxEntry['state'] {
  return entry.state === 'pending' && entry.id <= through ? 'applied' : entry.state;
}

/** The entries still waiting for the server, in id order (the `[state+id]` index above `through`). */
export function waitingEntries(db: CounterDeskDb, through: number) {
  return db.outbox.where('[state+id]').between(['pending', through + 1], ['pending', Dexie.maxKey], true, true);
}

/** Reads the waiting entries, `through` included: call inside a transaction over outbox and meta. */
export async function readWaitingEntries(db: CounterDeskDb): Promise<OutboxEntry[]> {
  return waitingEntries(db, await answeredThrough(db)).toArray();
}
