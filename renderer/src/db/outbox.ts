import type { Mutation, MutationResult } from '../../../shared/sync/protocol';
import { parseStored } from '../../../shared/schemas/parseStored';
import { getDb, type CounterDeskDb } from './database';
import { ANSWERED_THROUGH_KEY, answeredThrough, effectiveState, readWaitingEntries, waitingEntries } from './outboxProgress';
import { outboxEntrySchema, type LocalCase, type OutboxEntry } from './records';
import { derivedSyncState, derivedSyncStates, writeSyncStates } from './syncStates';

/**
 * The outbox: every change this install makes is queued here as a mutation with a gap-free id, in the
 * same transaction as the change itself, and sent by the sync in id order. The server's answers are
 * recorded as one number (outboxProgress.ts) plus the refusals the clerk reads.
 */

export const NEXT_MUTATION_ID = 'nextMutationId';

const CLIENT_ID = 'clientId';

/** The id of this install as a sync client, made on first use. */
export async function getClientId(db: CounterDeskDb = getDb()): Promise<string> {
  // Read first: every sync asks, and a write transaction each time would hold up a save meanwhile.
  const existing = await db.meta.get(CLIENT_ID);
  if (typeof existing?.value === 'string') return existing.value;
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(CLIENT_ID);
    if (typeof row?.value === 'string') return row.value;
    const id = crypto.randomUUID();
    await db.meta.put({ key: CLIENT_ID, value: id });
    return id;
  });
}

/** Mutations as callers describe them; the id and time are given when they enter the outbox. */
export type MutationIntent = { [N in Mutation['name']]: { name: N; args: Extract<Mutation, { name: N }>['args'] } }[Mutation['name']];

/**
 * Appends mutations for one case to the outbox with the next gap-free ids. Must run inside a `rw`
 * transaction over outbox and meta, the same one that writes the case, so ids are consumed only when
 * everything commits. `firstId` is the next id when the caller has already read it.
 *
 * The writes are issued together rather than one after another: IndexedDB runs a transaction's
 * requests in the order they were made and any failure aborts all of them, so waiting for each reply
 * would only add a round trip to the database per write (the save path of the counter).
 */
export async function appendToOutbox(db: CounterDeskDb, caseId: string, intents: readonly MutationIntent[], firstId?: number): Promise<Mutation[]> {
  const first = firstId ?? (await readNumber(db, NEXT_MUTATION_ID, 1));
  const createdAt = new Date().toISOString();
  const written = intents.map((intent, index) => ({ ...intent, id: first + index, createdAt }) as Mutation);
  await Promise.all([
    ...written.map((mutation) => db.outbox.add({ id: mutation.id, caseId, mutation, state: 'pending' })),
    db.meta.put({ key: NEXT_MUTATION_ID, value: first + written.length }),
  ]);
  return written;
}

/** Pending mutations in id order: the server must see them in that order. */
export async function pendingMutations(limit: number, db: CounterDeskDb = getDb()): Promise<OutboxEntry[]> {
  return db.transaction('r', db.outbox, db.meta, async () => {
    const rows = await waitingEntries(db, await answeredThrough(db)).limit(limit).toArray();
    return rows.map((row) => parseStored(outboxEntrySchema, row));
  });
}

/** Every entry waiting for the server, in id order, as stored (the sync run reads them once). */
export async function waitingOutboxEntries(db: CounterDeskDb = getDb()): Promise<OutboxEntry[]> {
  return db.transaction('r', db.outbox, db.meta, () => readWaitingEntries(db));
}

/**
 * The server lost what it had acknowledged (restored from a backup) and asks again for the mutations
 * from `from` on: they wait once more. Returns the waiting entries, as waitingOutboxEntries.
 */
export async function reopenOutboxFrom(from: number, db: CounterDeskDb = getDb()): Promise<OutboxEntry[]> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.where('id').aboveOrEqual(from).modify((entry) => {
      entry.state = 'pending';
    });
    if ((await answeredThrough(db)) >= from) await db.meta.put({ key: ANSWERED_THROUGH_KEY, value: from - 1 });
    return readWaitingEntries(db);
  });
}

export async function countPending(db: CounterDeskDb = getDb()): Promise<number> {
  return db.transaction('r', db.outbox, db.meta, async () => waitingEntries(db, await answeredThrough(db)).count());
}

/** Appends mutations to the outbox; call inside a `rw` transaction that includes outbox and meta. */
export async function queueMutations(caseId: string, intents: readonly MutationIntent[], db: CounterDeskDb = getDb()): Promise<Mutation[]> {
  return appendToOutbox(db, caseId, intents);
}

export interface PushOutcomeOptions {
  /**
   * The entries the batch sent, as the caller read them: they are not read and opened again. An entry
   * counts only while the outbox still has it pending (read from the [state+id] index's keys).
   */
  sent?: readonly OutboxEntry[];
  /**
   * Leave the cases that become `synced` as they are and return their ids: the pull that follows in
   * the same run rewrites them with the server's copy anyway. The caller must settle those the pull
   * did not reach (settleSyncStates). Cases that wait or were refused are rewritten at once.
   */
  deferSynced?: boolean;
}

/**
 * Records the server's answers and re-derives the sync state of each case they touch. A handful of
 * IndexedDB requests whatever the batch's size: each request costs a round trip to the browser's
 * storage, and each record read or written is opened or sealed (encryptionMiddleware.ts). Returns the
 * cases left for the pull (PushOutcomeOptions.deferSynced).
 */
export async function recordPushOutcome(results: readonly MutationResult[], db: CounterDeskDb = getDb(), options: PushOutcomeOptions = {}): Promise<string[]> {
  const syncedAt = new Date().toISOString();
  return db.transaction('rw', db.cases, db.outbox, db.meta, async () => {
    const through = await answeredThrough(db);
    const ids = results.map((result) => result.id);
    const top = Math.max(0, ...ids);
    // The entries still waiting up to the highest id answered: those the answers settle, and any the
    // batch skipped, which keep the number from moving past them.
    const waitingUpToTop = new Set(
      top <= through ? [] : (await db.outbox.where('[state+id]').between(['pending', through + 1], ['pending', top], true, true).primaryKeys()).map(Number),
    );
    let entries: Array<OutboxEntry | undefined>;
    if (options.sent) {
      const byId = new Map(options.sent.map((entry) => [entry.id, entry]));
      entries = ids.map((id) => (waitingUpToTop.has(id) ? byId.get(id) : undefined));
    } else {
      entries = await db.outbox.bulkGet(ids);
    }
    const answered: OutboxEntry[] = [];
    const touched = new Set<string>();
    results.forEach((result, index) => {
      const entry = entries[index];
      if (!entry || effectiveState(entry, through) !== 'pending') return;
      answered.push(result.status === 'rejected' ? { ...entry, state: 'rejected', code: result.code, message: result.message } : { ...entry, state: result.status });
      touched.add(entry.caseId);
    });
    const settled = new Set(answered.map((entry) => entry.id));
    if ([...waitingUpToTop].every((id) => settled.has(id))) {
      // Everything up to `top` is answered: one number says so (outboxProgress.ts); only refusals,
      // which carry the reason the clerk reads, are written.
      await db.outbox.bulkPut(answered.filter((entry) => entry.state === 'rejected'));
      if (top > through) await db.meta.put({ key: ANSWERED_THROUGH_KEY, value: top });
    } else {
      await db.outbox.bulkPut(answered);
    }
    const states = await derivedSyncStates(db, [...touched]);
    // A case that was waiting and still waits (its attachments are in a later batch) keeps its row:
    // syncState is a plain index field, so this is known without opening the case.
    const waiting = new Set(await db.cases.where('syncState').equals('pending').primaryKeys());
    const deferred: string[] = [];
    const rewrite = [...touched].filter((id) => {
      const state = states.get(id)?.syncState;
      if (state === 'pending' && waiting.has(id)) return false;
      if (state === 'synced' && options.deferSynced) {
        deferred.push(id);
        return false;
      }
      return true;
    });
    await writeSyncStates(db, rewrite, states, syncedAt);
    return deferred;
  });
}

/** Rejected mutations the clerk has not dismissed, newest first, with the server's reason. */
export async function listRejectedMutations(db: CounterDeskDb = getDb()): Promise<OutboxEntry[]> {
  const rows = await db.outbox.where('state').equals('rejected').reverse().sortBy('id');
  return rows.map((row) => parseStored(outboxEntrySchema, row)).filter((entry) => !entry.acknowledgedAt);
}

export async function acknowledgeRejection(id: number, db: CounterDeskDb = getDb()): Promise<void> {
  await db.transaction('rw', db.cases, db.outbox, db.meta, async () => {
    const entry = await db.outbox.get(id);
    if (!entry) return;
    await db.outbox.update(id, { acknowledgedAt: new Date().toISOString() });
    const row = await db.cases.get(entry.caseId);
    if (row) {
      const next: LocalCase = { ...row, ...(await derivedSyncState(db, entry.caseId)) };
      if (next.syncState !== 'rejected') {
        delete next.syncMessage;
        delete next.syncCode;
      }
      await db.cases.put(next);
    }
  });
}

export async function readNumber(db: CounterDeskDb, key: string, fallback: number): Promise<number> {
  return numberOr(await db.meta.get(key), fallback);
}

export function numberOr(row: { value?: unknown } | undefined, fallback: number): number {
  return typeof row?.value === 'number' ? row.value : fallback;
}
