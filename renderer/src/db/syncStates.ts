import { getDb, type CounterDeskDb } from './database';
import { answeredThrough, effectiveState, waitingEntries } from './outboxProgress';
import { type LocalCase, type OutboxEntry } from './records';

/**
 * A case's sync state (waiting, synced, refused) is derived from its outbox entries, never set by
 * hand: after a push, a pull or a dismissed refusal the affected cases are read again from their keys.
 */

export type SyncStateFields = Pick<LocalCase, 'syncState' | 'syncMessage' | 'syncCode'>;

/** A case's sync state from its outbox entries (all of them, any state; `through`: answeredThrough). */
function syncStateOf(entries: readonly OutboxEntry[], through: number): SyncStateFields {
  if (entries.some((entry) => effectiveState(entry, through) === 'pending')) return { syncState: 'pending' };
  const rejection = entries.filter((entry) => entry.state === 'rejected' && !entry.acknowledgedAt).pop();
  return rejection ? { syncState: 'rejected', syncMessage: rejection.message ?? rejection.code ?? '', ...(rejection.code ? { syncCode: rejection.code } : {}) } : { syncState: 'synced' };
}

export async function derivedSyncState(db: CounterDeskDb, caseId: string): Promise<SyncStateFields> {
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
export async function derivedSyncStates(db: CounterDeskDb, caseIds: readonly string[]): Promise<Map<string, SyncStateFields>> {
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

export async function writeSyncStates(db: CounterDeskDb, ids: readonly string[], states: ReadonlyMap<string, SyncStateFields>, syncedAt: string): Promise<void> {
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
