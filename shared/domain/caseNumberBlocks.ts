/**
 * Case-number blocks (hi/lo): the server hands each install blocks of a station's sequence numbers for
 * one ROC year, and the install takes numbers from its blocks in order, offline. Decision 0016.
 *
 * Invariants:
 * - The server's blocks of a (station, year) never overlap: each starts above every number reserved,
 *   stored or reported for that station and year before it (`nextBlock`).
 * - An install takes its numbers in ascending order, so one number, `taken` (the last it used, 0 for
 *   none), says which of its numbers are spent: every number ≤ taken. Bringing a restored copy forward
 *   is therefore `taken = max(taken, the highest the server has seen from its blocks)`.
 * - Blocks whose numbers are all spent are dropped; the rest stay sorted by `first`.
 */
import { taipeiDate } from './rocDate';
import { MAX_SEQUENCE } from './caseNumber';

/** A run of sequence numbers `first..last` (inclusive) of one station and ROC year. */
export interface SequenceBlock {
  first: number;
  last: number;
}

/** What an install holds for one station and ROC year. */
export interface YearNumbers {
  blocks: SequenceBlock[];
  /** The last sequence number this install used (0 when none): every number up to it is spent. */
  taken: number;
}

/** Numbers in a block: a day at a busy counter is a few hundred cases. */
export const CASE_NUMBER_BLOCK_SIZE = 1_000;
/** An install asks for another block while online when fewer than this many numbers remain. */
export const CASE_NUMBER_LOW_WATER = 500;
/**
 * The server hands out no new block while an install holds this many numbers it has not seen used:
 * a device that asks again and again (a fault, or malice) cannot drain a station's 999,999 numbers.
 */
export const CASE_NUMBER_MAX_UNSEEN = 2 * CASE_NUMBER_BLOCK_SIZE;

export const emptyYearNumbers: YearNumbers = { blocks: [], taken: 0 };

/** The next number this install would use, or undefined when its blocks are spent. */
export function nextSequence(state: YearNumbers): number | undefined {
  for (const block of state.blocks) {
    if (block.last <= state.taken) continue;
    return Math.max(block.first, state.taken + 1);
  }
  return undefined;
}

/** Takes the next number: the number and the state after it, or undefined when none is left. */
export function takeSequence(state: YearNumbers): { sequence: number; next: YearNumbers } | undefined {
  const sequence = nextSequence(state);
  if (sequence === undefined) return undefined;
  return { sequence, next: withTaken(state, sequence) };
}

/** How many numbers are left to use. */
export function remainingNumbers(state: YearNumbers): number {
  return state.blocks.reduce((sum, block) => sum + Math.max(0, block.last - Math.max(block.first - 1, state.taken)), 0);
}

/** The state with every number ≤ `taken` spent (never moves backwards) and spent blocks dropped. */
export function withTaken(state: YearNumbers, taken: number): YearNumbers {
  const highest = Math.max(state.taken, taken);
  return { taken: highest, blocks: state.blocks.filter((block) => block.last > highest) };
}

/**
 * The state after the server's answer: its blocks joined with those held (the same block twice is
 * kept once), and `taken` brought up to the highest number the server has seen from them (a restored
 * copy of an install learns what it used after the copy was made).
 */
export function mergeBlocks(state: YearNumbers, answered: ReadonlyArray<SequenceBlock & { highestUsed: number }>): YearNumbers {
  const byFirst = new Map<number, SequenceBlock>(state.blocks.map((block) => [block.first, block]));
  for (const { first, last } of answered) byFirst.set(first, { first, last });
  const blocks = [...byFirst.values()].sort((a, b) => a.first - b.first);
  const seen = answered.reduce((highest, block) => Math.max(highest, block.highestUsed), 0);
  return withTaken({ blocks, taken: state.taken }, seen);
}

/**
 * The server's next block of a station and year: above `floor` (the highest number reserved, stored or
 * reported so far), at most `size` numbers, undefined when the year's 999,999 are gone.
 */
export function nextBlock(floor: number, size: number = CASE_NUMBER_BLOCK_SIZE): SequenceBlock | undefined {
  const first = Math.max(0, floor) + 1;
  if (first > MAX_SEQUENCE) return undefined;
  return { first, last: Math.min(MAX_SEQUENCE, first + size - 1) };
}

/** The ROC year of an instant, by Taipei's calendar. */
export function rocYearAt(instant: Date): number {
  return Number(taipeiDate(instant).slice(0, 4)) - 1911;
}

/**
 * The ROC years an install should hold numbers for at `instant`: this year, and in December the next
 * one too, so that a laptop that leaves on 31 December can number cases on 2 January offline.
 */
export function rocYearsToHold(instant: Date): number[] {
  const year = rocYearAt(instant);
  return taipeiDate(instant).slice(5, 7) === '12' ? [year, year + 1] : [year];
}
