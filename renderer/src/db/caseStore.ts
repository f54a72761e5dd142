import type { CaseRecord, CaseStatus } from '../../../shared/schemas/case';
import type { Change, IntakeField, Mutation, MutationResult } from '../../../shared/sync/protocol';
import { intakeFieldValue } from '../../../shared/sync/protocol';
import { nextSequence, takeSequence } from '../../../shared/domain/caseNumberBlocks';
import { CaseNumbersUsedUp, CaseNumberTaken, caseNumbersKey, isConstraintError, readYearNumbers, skipCaseNumbersThrough, withoutNumberClashes, type StoredYearNumbers } from './caseNumberStore';
import { getDb, type CounterDeskDb } from './database';
import { ANSWERED_THROUGH_KEY, answeredThrough, effectiveState, readWaitingEntries, waitingEntries } from './outboxProgress';
import { localCaseSchema, outboxEntrySchema, type LocalCase, type OutboxEntry } from './records';

/**
 * Case persistence. A case and the mutation that tells the server about it are written in one
 * IndexedDB transaction, together with the counters they consume (the next number of the install's
 * case-number blocks and its mutation id), so a crash can never leave a case without its outbox entry,
 * a mutation id gap, or two cases with one number.
 */

const NEXT_MUTATION_ID = 'nextMutationId';
const CLIENT_ID = 'clientId';

async function readNumber(db: CounterDeskDb, key: string, fallback: number): Promise<number> {
  return numberOr(await db.meta.get(key), fallback);
}

function numberOr(row: { value?: unknown } | undefined, fallback: number): number {
  return typeof row?.value === 'number' ? row.value : fallback;
}

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

export interface NewCaseInput {
  stationCode: string;
  rocYear: number;
  /** Builds the record once the station sequence number (from this install's blocks) is known. */
  build: (sequence: number) => CaseRecord;
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
async function appendToOutbox(db: CounterDeskDb, caseId: string, intents: readonly MutationIntent[], firstId?: number): Promise<Mutation[]> {
  const first = firstId ?? (await readNumber(db, NEXT_MUTATION_ID, 1));
  const createdAt = new Date().toISOString();
  const written = intents.map((intent, index) => ({ ...intent, id: first + index, createdAt }) as Mutation);
  await Promise.all([
    ...written.map((mutation) => db.outbox.add({ id: mutation.id, caseId, mutation, state: 'pending' })),
    db.meta.put({ key: NEXT_MUTATION_ID, value: first + written.length }),
  ]);
  return written;
}

/** The counters a case consumes, as the last save on this connection left them. */
interface Counters {
  numbers: StoredYearNumbers;
  nextMutationId: number;
}
const lastCounters = new WeakMap<CounterDeskDb, Map<string, Counters>>();

/** The expected counters turned out stale (another write consumed one): the transaction is undone. */
class StaleCounters extends Error {}

/** How many numbers a save skips, one by one, when each turns out to be another case's on this device. */
const MAX_SKIPPED_NUMBERS = 3;

/**
 * Saves a new case under the next number of this install's blocks (decision 0016). Throws
 * CaseNumbersUsedUp when none is left (the install must connect to get more), CaseNumberTaken when the
 * numbers it tried are all held by other cases on this device; nothing is written then.
 */
export async function createCase(input: NewCaseInput, db: CounterDeskDb = getDb()): Promise<LocalCase> {
  const key = caseNumbersKey(input.stationCode, input.rocYear);
  for (let skipped = 0; ; skipped += 1) {
    const attempt: { caseNo?: string; sequence?: number } = {};
    try {
      return await saveWithRetry(input, db, key, attempt);
    } catch (error) {
      // The unique caseNo index refused the number: a case this device holds has it (made by an older
      // version's own counter, or pulled). That number is spent; the next one is tried.
      if (!isConstraintError(error) || attempt.caseNo === undefined || attempt.sequence === undefined) throw error;
      // Only a number the blocks gave (a record built with a number of its own is the caller's error).
      if (Number(attempt.caseNo.split('-')[2]) !== attempt.sequence) throw error;
      if ((await db.cases.where('caseNo').equals(attempt.caseNo).count()) === 0) throw error;
      if (skipped + 1 >= MAX_SKIPPED_NUMBERS) throw new CaseNumberTaken(attempt.caseNo);
      await skipCaseNumbersThrough(db, input.stationCode, input.rocYear, attempt.sequence);
      lastCounters.get(db)?.delete(key);
    }
  }
}

async function saveWithRetry(input: NewCaseInput, db: CounterDeskDb, key: string, attempt: { caseNo?: string; sequence?: number }): Promise<LocalCase> {
  try {
    return await writeNewCase(input, db, key, lastCounters.get(db)?.get(key), attempt);
  } catch (error) {
    if (!(error instanceof StaleCounters)) throw error;
    return writeNewCase(input, db, key, undefined, attempt);
  }
}

/**
 * One save, in one transaction. With the counters the last save left (`expected`) everything is
 * issued at once — the counter read first, since IndexedDB runs a transaction's requests in order —
 * and the read only confirms them: one round trip to the database instead of two, which is most of a
 * save at the counter. If another write changed a counter meanwhile (another save, or a reservation
 * of more numbers), the read says so and throwing undoes the whole transaction; the caller then reads
 * first. Expected counters with no number left are not trusted: the read decides.
 */
async function writeNewCase(input: NewCaseInput, db: CounterDeskDb, key: string, expected: Counters | undefined, attempt: { caseNo?: string; sequence?: number }): Promise<LocalCase> {
  const saved = await db.transaction('rw', db.cases, db.outbox, db.meta, async () => {
    const reading = db.meta.bulkGet([key, NEXT_MUTATION_ID]).then(([numbersRow, nextMutationRow]) => ({ numbers: readYearNumbers(numbersRow), nextMutationId: numberOr(nextMutationRow, 1) }));
    const counters = expected && nextSequence(expected.numbers) !== undefined ? expected : await reading;
    const taken = takeSequence(counters.numbers);
    if (!taken) throw new CaseNumbersUsedUp(input.stationCode, input.rocYear);
    const record = input.build(taken.sequence);
    attempt.caseNo = record.caseNo;
    attempt.sequence = taken.sequence;
    const local: LocalCase = { ...record, syncState: 'pending' };
    const numbers: StoredYearNumbers = { ...taken.next, revision: counters.numbers.revision + 1 };
    const writing = Promise.all([
      db.cases.add(local),
      appendToOutbox(db, record.id, [{ name: 'createCase', args: { case: record } }], counters.nextMutationId),
      db.meta.put({ key, value: numbers }),
    ]);
    const actual = await reading;
    if (actual.numbers.revision !== counters.numbers.revision || actual.nextMutationId !== counters.nextMutationId) {
      // The writes fail with the transaction; their rejection is the abort, already handled here.
      writing.catch(() => undefined);
      throw new StaleCounters();
    }
    await writing;
    return { local, next: { numbers, nextMutationId: counters.nextMutationId + 1 } };
  });
  const perDb = lastCounters.get(db) ?? new Map<string, Counters>();
  perDb.set(key, saved.next);
  lastCounters.set(db, perDb);
  return saved.local;
}

/** A later change to a case: the new record, and the mutations that tell the server about it. */
export interface CaseChange {
  next: CaseRecord;
  mutations: MutationIntent[];
}

/**
 * Changes a stored case and queues the mutations describing the change, in one transaction. `change`
 * sees the current record (read inside the transaction, so two edits cannot interleave) and may throw
 * to refuse; nothing is written then. The case goes back to `pending` until the server answers.
 */
export async function updateCase(caseId: string, change: (current: LocalCase) => CaseChange, db: CounterDeskDb = getDb()): Promise<LocalCase> {
  return db.transaction('rw', db.cases, db.outbox, db.meta, async () => {
    const row = await db.cases.get(caseId);
    if (!row) throw new Error(`case ${caseId} is not on this device`);
    const current = localCaseSchema.parse(row);
    const { next, mutations } = change(current);
    if (next.id !== caseId) throw new Error('a change may not alter the case id');
    const local: LocalCase = { ...next, syncState: mutations.length > 0 ? 'pending' : current.syncState };
    if (mutations.length > 0) {
      delete local.syncMessage;
      delete local.syncCode;
    }
    if (mutations.length > 0) delete local.syncedAt;
    await db.cases.put(local);
    if (mutations.length > 0) await appendToOutbox(db, caseId, mutations);
    return local;
  });
}

export async function listCases(db: CounterDeskDb = getDb()): Promise<LocalCase[]> {
  const rows = await db.cases.orderBy('receivedAt').reverse().toArray();
  return rows.flatMap((row) => {
    const parsed = localCaseSchema.safeParse(row);
    if (parsed.success) return [parsed.data];
    console.error(`case ${String((row as { id?: unknown }).id)} is not readable: ${parsed.error.message}`);
    return [];
  });
}

export async function getCase(id: string, db: CounterDeskDb = getDb()): Promise<LocalCase | undefined> {
  const row = await db.cases.get(id);
  return row ? localCaseSchema.parse(row) : undefined;
}

/** Pending mutations in id order: the server must see them in that order. */
export async function pendingMutations(limit: number, db: CounterDeskDb = getDb()): Promise<OutboxEntry[]> {
  return db.transaction('r', db.outbox, db.meta, async () => {
    const rows = await waitingEntries(db, await answeredThrough(db)).limit(limit).toArray();
    return rows.map((row) => outboxEntrySchema.parse(row));
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

/**
 * Takes the server's view of cases this device pulled. The server owns status once a case has
 * synced; a case still waiting in this device's outbox keeps its local fields until its own push lands.
 */
export async function applyPulledCases(cases: readonly (CaseRecord & { syncedAt: string })[], cursor: number, db: CounterDeskDb = getDb()): Promise<void> {
  await db.transaction('rw', db.cases, db.meta, async () => {
    for (const serverCase of cases) {
      const local = await db.cases.get(serverCase.id);
      if (local && local.syncState !== 'synced') continue;
      // Fields an older server does not store yet (clock pauses, the deficiency notice) stay as the
      // device recorded them instead of vanishing on the round trip.
      const kept = { clockPauses: local?.clockPauses, deficiency: local?.deficiency };
      await db.cases.put({
        ...serverCase,
        ...(serverCase.clockPauses === undefined && kept.clockPauses ? { clockPauses: kept.clockPauses } : {}),
        ...(serverCase.deficiency === undefined && kept.deficiency ? { deficiency: kept.deficiency } : {}),
        syncState: 'synced',
      });
    }
    await db.meta.put({ key: 'pullCursor', value: cursor });
  });
}

export async function getPullCursor(db: CounterDeskDb = getDb()): Promise<number> {
  return readNumber(db, 'pullCursor', 0);
}

/**
 * Sync bookkeeping (renderer/src/sync). The per-case sync state is derived from the outbox:
 * `pending` while any of the case's mutations waits, else `rejected` while a rejection of it is not
 * dismissed, else `synced`.
 */

/** Appends mutations to the outbox; call inside a `rw` transaction that includes outbox and meta. */
export async function queueMutations(caseId: string, intents: readonly MutationIntent[], db: CounterDeskDb = getDb()): Promise<Mutation[]> {
  return appendToOutbox(db, caseId, intents);
}

type SyncStateFields = Pick<LocalCase, 'syncState' | 'syncMessage' | 'syncCode'>;

/** A case's sync state from its outbox entries (all of them, any state; `through`: answeredThrough). */
function syncStateOf(entries: readonly OutboxEntry[], through: number): SyncStateFields {
  if (entries.some((entry) => effectiveState(entry, through) === 'pending')) return { syncState: 'pending' };
  const rejection = entries.filter((entry) => entry.state === 'rejected' && !entry.acknowledgedAt).pop();
  return rejection ? { syncState: 'rejected', syncMessage: rejection.message ?? rejection.code ?? '', ...(rejection.code ? { syncCode: rejection.code } : {}) } : { syncState: 'synced' };
}

async function derivedSyncState(db: CounterDeskDb, caseId: string): Promise<SyncStateFields> {
  return (await derivedSyncStates(db, [caseId])).get(caseId) ?? { syncState: 'synced' };
}

/** Up to this many waiting or refused outbox entries are opened outright instead of asked about per case. */
const OPEN_OUTRIGHT_AT_MOST = 64;

/**
 * The sync state of each of these cases (a push's or a pull page's), as syncStateOf would give it, read
 * from keys: `state` and `caseId` are plain index fields of the sealed outbox rows, so only waiting and
 * refused entries are ever opened, not every entry of every case. Only those two states decide
 * (syncStateOf), so when few entries are in them (after a push, nearly always) those are opened and the
 * cases answered from them, without a request per case.
 */
async function derivedSyncStates(db: CounterDeskDb, caseIds: readonly string[]): Promise<Map<string, SyncStateFields>> {
  const states = new Map<string, SyncStateFields>(caseIds.map((id) => [id, { syncState: 'synced' }]));
  if (caseIds.length === 0) return states;
  const through = await answeredThrough(db);
  const [waitingKeys, refusedKeys] = await Promise.all([waitingEntries(db, through).primaryKeys(), db.outbox.where('state').equals('rejected').primaryKeys()]);
  const pendingKeys = waitingKeys.map(Number);
  const rejectedKeys = refusedKeys.map(Number);
  let toOpen: number[];
  if (pendingKeys.length + rejectedKeys.length <= OPEN_OUTRIGHT_AT_MOST) {
    toOpen = [...pendingKeys, ...rejectedKeys];
  } else {
    // A backlog: one key request per case, all sent at once (IndexedDB answers them back to back, where
    // a cursor over `anyOf` would wait for a round trip to the browser's storage per entry). A case
    // with a waiting entry is settled by its keys; only refused entries of the others are opened.
    const pending = new Set(pendingKeys);
    const rejected = new Set(rejectedKeys);
    const keysOf = await Promise.all(caseIds.map((caseId) => db.outbox.where('caseId').equals(caseId).primaryKeys()));
    toOpen = [];
    caseIds.forEach((caseId, index) => {
      const ids = (keysOf[index] ?? []).map(Number);
      if (ids.some((id) => pending.has(id))) states.set(caseId, { syncState: 'pending' });
      else toOpen.push(...ids.filter((id) => rejected.has(id)));
    });
  }
  const entriesOf = new Map<string, OutboxEntry[]>();
  for (const entry of await db.outbox.bulkGet(toOpen.sort((a, b) => a - b))) {
    if (entry && states.has(entry.caseId)) entriesOf.set(entry.caseId, [...(entriesOf.get(entry.caseId) ?? []), entry]);
  }
  for (const [caseId, entries] of entriesOf) states.set(caseId, syncStateOf(entries, through));
  return states;
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

async function writeSyncStates(db: CounterDeskDb, ids: readonly string[], states: ReadonlyMap<string, SyncStateFields>, syncedAt: string): Promise<void> {
  const rows = await db.cases.bulkGet([...ids]);
  const updated: LocalCase[] = [];
  for (const row of rows) {
    const state = row && states.get(row.id);
    if (!row || !state) continue;
    const next: LocalCase = { ...row, ...state, ...(state.syncState === 'synced' ? { syncedAt } : {}) };
    if (state.syncState !== 'rejected') {
      delete next.syncMessage;
      delete next.syncCode;
    }
    updated.push(next);
  }
  await db.cases.bulkPut(updated);
}

/**
 * Writes the derived sync state of the cases a push left to the pull (recordPushOutcome with
 * `deferSynced`) where the pull did not write it: the pull failed, or the server did not send the case
 * again. A case the pull wrote is no longer marked `pending`, so this reads only index keys for it.
 */
export async function settleSyncStates(caseIds: readonly string[], db: CounterDeskDb = getDb()): Promise<void> {
  if (caseIds.length === 0) return;
  await db.transaction('rw', db.cases, db.outbox, db.meta, async () => {
    const marked = new Set(await db.cases.where('syncState').equals('pending').primaryKeys());
    const left = caseIds.filter((id) => marked.has(id));
    if (left.length === 0) return;
    const states = await derivedSyncStates(db, left);
    await writeSyncStates(
      db,
      left.filter((id) => states.get(id)?.syncState !== 'pending'),
      states,
      new Date().toISOString(),
    );
  });
}

/**
 * Applies one pulled page and moves the cursor, in one transaction. A case with mutations still
 * waiting keeps its local (optimistic) copy: the server stamps every case a push touches again, so the
 * pull after that push brings the server's version. Tombstones delete the local copy. The page is
 * read and written with a few bulk requests; where it names a case twice, the later change wins, as
 * applying the changes one by one would give.
 */
export async function applyPullPage(changes: readonly Change[], cursor: number, db: CounterDeskDb = getDb()): Promise<number> {
  return db.transaction('rw', db.cases, db.outbox, db.meta, async () => {
    const states = await derivedSyncStates(db, [...new Set(changes.flatMap((change) => (change.kind === 'tombstone' ? [] : [change.id])))]);
    let applied = 0;
    const last = new Map<string, LocalCase | 'delete'>();
    for (const change of changes) {
      if (change.kind === 'tombstone') {
        last.set(change.id, 'delete');
        applied += 1;
        continue;
      }
      const state = states.get(change.id);
      if (!state || state.syncState === 'pending') continue;
      last.set(change.id, { ...change.data, ...state });
      applied += 1;
    }
    const removed = [...last].flatMap(([id, next]) => (next === 'delete' ? [id] : []));
    const stored = await withoutNumberClashes(db, [...last.values()].flatMap((next) => (next === 'delete' ? [] : [next])));
    await db.cases.bulkDelete(removed);
    await db.cases.bulkPut(stored);
    await db.meta.put({ key: 'pullCursor', value: cursor });
    return applied;
  });
}

/** The server told this device to reset: drop every case it can pull again, and pull from the start. */
export async function resetPulledCopy(db: CounterDeskDb = getDb()): Promise<void> {
  await db.transaction('rw', db.cases, db.outbox, db.meta, async () => {
    const waiting = new Set((await readWaitingEntries(db)).map((entry) => entry.caseId));
    const ids = (await db.cases.toCollection().primaryKeys()).filter((id) => !waiting.has(id));
    await db.cases.bulkDelete(ids);
    await db.meta.put({ key: 'pullCursor', value: 0 });
  });
}

/** Rejected mutations the clerk has not dismissed, newest first, with the server's reason. */
export async function listRejectedMutations(db: CounterDeskDb = getDb()): Promise<OutboxEntry[]> {
  const rows = await db.outbox.where('state').equals('rejected').reverse().sortBy('id');
  return rows.map((row) => outboxEntrySchema.parse(row)).filter((entry) => !entry.acknowledgedAt);
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

/** Edits one intake field, queueing `setField` with the value the edit was made from. */
export async function setCaseField(caseId: string, field: IntakeField, value: unknown, db: CounterDeskDb = getDb()): Promise<LocalCase> {
  return updateCase(
    caseId,
    (current) => {
      const base = intakeFieldValue(current, field);
      const next: CaseRecord =
        field === 'checklist'
          ? { ...current, checklist: value as CaseRecord['checklist'] }
          : { ...current, applicant: { ...current.applicant, [field.slice('applicant.'.length)]: value } };
      return { next, mutations: [{ name: 'setField', args: { caseId, field, base, value } }] };
    },
    db,
  );
}


/** Asks the server to move a case to `to`; the local status follows optimistically until pulled back. */
export async function transitionCase(caseId: string, to: CaseStatus, reason?: string, db: CounterDeskDb = getDb()): Promise<LocalCase> {
  return updateCase(caseId, (current) => ({ next: { ...current, status: to }, mutations: [{ name: 'transition', args: { caseId, to, ...(reason ? { reason } : {}) } }] }), db);
}
