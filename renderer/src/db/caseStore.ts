import type { CaseRecord, CaseStatus } from '../../../shared/schemas/case';
import { parseStored, safeParseStored } from '../../../shared/schemas/parseStored';
import type { IntakeField } from '../../../shared/sync/protocol';
import { intakeFieldValue } from '../../../shared/sync/protocol';
import { nextSequence, takeSequence } from '../../../shared/domain/caseNumberBlocks';
import { CaseNumbersUsedUp, CaseNumberTaken, caseNumbersKey, isConstraintError, readYearNumbers, skipCaseNumbersThrough, type StoredYearNumbers } from './caseNumberStore';
import { getDb, type CounterDeskDb } from './database';
import { localCaseSchema, type LocalCase } from './records';
import { NEXT_MUTATION_ID, appendToOutbox, numberOr, readNumber, type MutationIntent } from './outbox';

/**
 * Case persistence. A case and the mutation that tells the server about it are written in one
 * IndexedDB transaction, together with the counters they consume (the next number of the install's
 * case-number blocks and its mutation id), so a crash can never leave a case without its outbox entry,
 * a mutation id gap, or two cases with one number.
 */

export interface NewCaseInput {
  stationCode: string;
  rocYear: number;
  /** Builds the record once the station sequence number (from this install's blocks) is known. */
  build: (sequence: number) => CaseRecord;
  /**
   * What follows the intake in the same transaction (a same-day case closed on the spot): the copy
   * stored instead of the record, and the mutations queued right after its createCase. May throw to
   * refuse; nothing is stored then, and no number is used.
   */
  followedBy?: (record: CaseRecord) => CaseChange;
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
    const after = followUp(input, record, reading);
    const local: LocalCase = { ...(after?.next ?? record), syncState: 'pending' };
    const intents: MutationIntent[] = [{ name: 'createCase', args: { case: record } }, ...(after?.mutations ?? [])];
    const numbers: StoredYearNumbers = { ...taken.next, revision: counters.numbers.revision + 1 };
    const writing = Promise.all([
      db.cases.add(local),
      appendToOutbox(db, record.id, intents, counters.nextMutationId),
      db.meta.put({ key, value: numbers }),
    ]);
    const actual = await reading;
    if (actual.numbers.revision !== counters.numbers.revision || actual.nextMutationId !== counters.nextMutationId) {
      // The writes fail with the transaction; their rejection is the abort, already handled here.
      writing.catch(() => undefined);
      throw new StaleCounters();
    }
    await writing;
    return { local, next: { numbers, nextMutationId: counters.nextMutationId + intents.length } };
  });
  const perDb = lastCounters.get(db) ?? new Map<string, Counters>();
  perDb.set(key, saved.next);
  lastCounters.set(db, perDb);
  return saved.local;
}

/** The intake's follow-up; when it refuses, the transaction's pending read fails with it and is not left unhandled. */
function followUp(input: NewCaseInput, record: CaseRecord, reading: Promise<unknown>): CaseChange | undefined {
  try {
    return input.followedBy?.(record);
  } catch (error) {
    reading.catch(() => undefined);
    throw error;
  }
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
    // The case and the next mutation id are read together, and the case and its mutations written
    // together: two round trips to the database instead of four, which is most of a desk step's time.
    const [row, nextMutationId] = await Promise.all([db.cases.get(caseId), readNumber(db, NEXT_MUTATION_ID, 1)]);
    if (!row) throw new Error(`case ${caseId} is not on this device`);
    const current = parseStored(localCaseSchema, row);
    const { next, mutations } = change(current);
    if (next.id !== caseId) throw new Error('a change may not alter the case id');
    const local: LocalCase = { ...next, syncState: mutations.length > 0 ? 'pending' : current.syncState };
    if (mutations.length > 0) {
      delete local.syncMessage;
      delete local.syncCode;
    }
    if (mutations.length > 0) delete local.syncedAt;
    await Promise.all([db.cases.put(local), ...(mutations.length > 0 ? [appendToOutbox(db, caseId, mutations, nextMutationId)] : [])]);
    return local;
  });
}

export async function listCases(db: CounterDeskDb = getDb()): Promise<LocalCase[]> {
  const rows = await db.cases.orderBy('receivedAt').reverse().toArray();
  return rows.flatMap((row) => {
    const parsed = safeParseStored(localCaseSchema, row);
    if (parsed.success) return [parsed.data];
    console.error(`case ${String((row as { id?: unknown }).id)} is not readable: ${parsed.error.message}`);
    return [];
  });
}

export async function getCase(id: string, db: CounterDeskDb = getDb()): Promise<LocalCase | undefined> {
  const row = await db.cases.get(id);
  return row ? parseStored(localCaseSchema, row) : undefined;
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
