import { z } from 'zod';
import { MAX_SEQUENCE } from '../../../shared/domain/caseNumber';
import { mergeBlocks, remainingNumbers, withTaken, type YearNumbers } from '../../../shared/domain/caseNumberBlocks';
import type { CaseNumberBlock, CaseNumberRequest } from '../../../shared/sync/caseNumberReservation';
import type { CounterDeskDb } from './database';
import type { LocalCase } from './records';

/**
 * The case numbers this install holds: per station and ROC year, one `meta` row with the blocks the
 * server reserved for it and the last number it took (decision 0016). One row per year, so a save
 * reads it in the same request as the mutation counter, as it read the old per-install counter.
 * `revision` moves with every write, so a save that expected the row as the last save left it can tell
 * that a reservation changed it meanwhile (caseStore.createCase).
 */
export interface StoredYearNumbers extends YearNumbers {
  revision: number;
}

const storedYearNumbersSchema = z.object({
  revision: z.number().int().nonnegative(),
  taken: z.number().int().min(0).max(MAX_SEQUENCE),
  blocks: z.array(z.object({ first: z.number().int().min(1).max(MAX_SEQUENCE), last: z.number().int().min(1).max(MAX_SEQUENCE) })),
});

export function caseNumbersKey(stationCode: string, rocYear: number): string {
  return `caseNumbers:${stationCode}:${rocYear}`;
}

/** The per-install counter of versions before blocks: the numbers it handed out stay taken. */
function legacySequenceKey(stationCode: string, rocYear: number): string {
  return `caseSequence:${stationCode}:${rocYear}`;
}

/** A stored row as this version reads it; a missing or unreadable one holds no numbers. */
export function readYearNumbers(row: { value?: unknown } | undefined): StoredYearNumbers {
  const parsed = storedYearNumbersSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { revision: 0, taken: 0, blocks: [] };
}

/** A save was refused: this install has no case number left for the year and is offline. */
export class CaseNumbersUsedUp extends Error {
  constructor(readonly stationCode: string, readonly rocYear: number) {
    super(`No case number of station ${stationCode} is left on this device for ROC year ${rocYear}; connect to the server to get more`);
    this.name = 'CaseNumbersUsedUp';
  }
}

/** A save was refused: the number this install was to use is already another case's on this device. */
export class CaseNumberTaken extends Error {
  constructor(readonly caseNo: string) {
    super(`Case number ${caseNo} is already used by another case on this device`);
    this.name = 'CaseNumberTaken';
  }
}

/** What this install reports to the server for each year: numbers left, and the highest used. */
export async function caseNumberReport(db: CounterDeskDb, stationCode: string, rocYears: readonly number[]): Promise<CaseNumberRequest['years']> {
  const keys = rocYears.flatMap((rocYear) => [caseNumbersKey(stationCode, rocYear), legacySequenceKey(stationCode, rocYear)]);
  const rows = await db.meta.bulkGet(keys);
  return rocYears.map((rocYear, index) => {
    const numbers = readYearNumbers(rows[2 * index]);
    const legacy = rows[2 * index + 1]?.value;
    const highestUsed = Math.min(MAX_SEQUENCE, Math.max(numbers.taken, typeof legacy === 'number' && Number.isInteger(legacy) && legacy > 0 ? legacy : 0));
    return { rocYear, remaining: remainingNumbers(numbers), highestUsed };
  });
}

/** Numbers left for a station and year on this install. */
export async function remainingCaseNumbers(db: CounterDeskDb, stationCode: string, rocYear: number): Promise<number> {
  return remainingNumbers(readYearNumbers(await db.meta.get(caseNumbersKey(stationCode, rocYear))));
}

async function updateYear(db: CounterDeskDb, key: string, change: (current: StoredYearNumbers) => YearNumbers): Promise<void> {
  const current = readYearNumbers(await db.meta.get(key));
  const next = change(current);
  await db.meta.put({ key, value: { revision: current.revision + 1, taken: next.taken, blocks: next.blocks } satisfies StoredYearNumbers });
}

/** Stores the server's answer: its blocks joined with those held, brought forward to what it has seen used. */
export async function storeCaseNumberBlocks(db: CounterDeskDb, stationCode: string, blocks: readonly CaseNumberBlock[]): Promise<void> {
  const years = [...new Set(blocks.map((block) => block.rocYear))];
  await db.transaction('rw', db.meta, async () => {
    for (const rocYear of years) {
      await updateYear(db, caseNumbersKey(stationCode, rocYear), (current) =>
        mergeBlocks(
          current,
          blocks.filter((block) => block.rocYear === rocYear),
        ),
      );
    }
  });
}

/** Marks every number up to `sequence` spent (the number turned out to be held by another case here). */
export async function skipCaseNumbersThrough(db: CounterDeskDb, stationCode: string, rocYear: number, sequence: number): Promise<void> {
  await db.transaction('rw', db.meta, () => updateYear(db, caseNumbersKey(stationCode, rocYear), (current) => withTaken(current, sequence)));
}

/** IndexedDB refused a write for a unique index (as Dexie reports it, or wrapped in the transaction's abort). */
export function isConstraintError(error: unknown): boolean {
  const inner = (error as { inner?: unknown } | null)?.inner;
  return (error instanceof Error && error.name === 'ConstraintError') || (inner instanceof Error && inner.name === 'ConstraintError');
}

/**
 * The pulled cases minus any whose case number another case on this device holds. Such a local case
 * is this install's own intake that the server refused as `case_no_taken` (decision 0016): it exists
 * nowhere else, so it stays, and the other is left out rather than failing the page (the unique
 * caseNo index would refuse it, and the pull would fail again at every run). One key query per page;
 * the rows are opened only when a number is held by a case not on the page.
 */
export async function withoutNumberClashes(db: CounterDeskDb, cases: readonly LocalCase[]): Promise<LocalCase[]> {
  if (cases.length === 0) return [];
  const onPage = new Set(cases.map((row) => row.id));
  const holders = (await db.cases.where('caseNo').anyOf(cases.map((row) => row.caseNo)).primaryKeys()).filter((id) => !onPage.has(String(id)));
  if (holders.length === 0) return [...cases];
  const held = new Map<string, string>();
  for (const row of await db.cases.bulkGet(holders)) if (row) held.set(row.caseNo, row.id);
  return cases.filter((row) => {
    const holder = held.get(row.caseNo);
    if (holder === undefined || holder === row.id) return true;
    console.warn(`case ${row.id} (${row.caseNo}) was not stored: case ${holder} on this device holds that number`);
    return false;
  });
}
