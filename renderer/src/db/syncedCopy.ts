import type { CaseRecord } from '../../../shared/schemas/case';
import type { Change } from '../../../shared/sync/protocol';
import { withoutNumberClashes } from './caseNumberStore';
import { getDb, type CounterDeskDb } from './database';
import { readWaitingEntries } from './outboxProgress';
import { type LocalCase } from './records';
import { readNumber } from './outbox';
import { derivedSyncStates } from './syncStates';

/**
 * The server's copy of the cases this device may hold, written page by page by the pull with the
 * cursor after it, so a failed page is taken up again from there. A case with changes still waiting
 * in the outbox keeps its local value until the server has answered them.
 */

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

/**
 * Applies one pulled page and moves the cursor, in one transaction. A case with mutations still
 * waiting keeps its local (optimistic) copy: the server stamps every case a push touches again, so the
 * pull after that push brings the server's version. Tombstones delete the local copy — a case deleted
 * on the server, or one that left this device's scope (decision 0030) — except while this device's own
 * work on it waits: the clerk keeps seeing it until the server has answered (an answer re-stamps the
 * case, so the tombstone comes again). The page is read and written with a few bulk requests; where it
 * names a case twice, the later change wins, as applying the changes one by one would give.
 */
export async function applyPullPage(changes: readonly Change[], cursor: number, db: CounterDeskDb = getDb()): Promise<number> {
  return db.transaction('rw', db.cases, db.outbox, db.meta, async () => {
    const states = await derivedSyncStates(db, [...new Set(changes.map((change) => change.id))]);
    let applied = 0;
    const last = new Map<string, LocalCase | 'delete'>();
    for (const change of changes) {
      const state = states.get(change.id);
      if (!state || state.syncState === 'pending') continue;
      if (change.kind === 'tombstone') {
        last.set(change.id, 'delete');
        applied += 1;
        continue;
      }
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
