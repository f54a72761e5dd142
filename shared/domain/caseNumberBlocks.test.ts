import { describe, expect, it } from 'vitest';
import { MAX_SEQUENCE } from './caseNumber';
import { emptyYearNumbers, mergeBlocks, nextBlock, nextSequence, remainingNumbers, rocYearsToHold, takeSequence, withTaken, type YearNumbers } from './caseNumberBlocks';

describe('case-number blocks', () => {
  const held: YearNumbers = { blocks: [{ first: 1, last: 3 }, { first: 10, last: 11 }], taken: 0 };

  it('hands out the numbers of the blocks in order, then none', () => {
    const taken: number[] = [];
    let state = held;
    for (;;) {
      const next = takeSequence(state);
      if (!next) break;
      taken.push(next.sequence);
      state = next.next;
    }
    expect(taken).toEqual([1, 2, 3, 10, 11]);
    expect(remainingNumbers(state)).toBe(0);
    expect(state.blocks).toEqual([]);
    expect(nextSequence(emptyYearNumbers)).toBeUndefined();
  });

  it('counts what is left and drops spent blocks', () => {
    expect(remainingNumbers(held)).toBe(5);
    expect(remainingNumbers(withTaken(held, 2))).toBe(3);
    expect(withTaken(held, 3).blocks).toEqual([{ first: 10, last: 11 }]);
    // A number between blocks spends the whole earlier block.
    expect(remainingNumbers(withTaken(held, 5))).toBe(2);
    expect(withTaken(withTaken(held, 10), 2).taken).toBe(10);
  });

  it('merges an answer: blocks once each, in order, brought forward to the highest seen', () => {
    const merged = mergeBlocks(withTaken(held, 1), [
      { first: 10, last: 11, highestUsed: 0 },
      { first: 1, last: 3, highestUsed: 3 },
      { first: 20, last: 29, highestUsed: 0 },
    ]);
    expect(merged).toEqual({ taken: 3, blocks: [{ first: 10, last: 11 }, { first: 20, last: 29 }] });
    expect(nextSequence(merged)).toBe(10);
    expect(mergeBlocks(withTaken(held, 11), [{ first: 1, last: 3, highestUsed: 2 }]).taken).toBe(11);
  });

  it('cuts the next block above the floor, short at the end of the year, none beyond it', () => {
    expect(nextBlock(0)).toEqual({ first: 1, last: 1000 });
    expect(nextBlock(42, 10)).toEqual({ first: 43, last: 52 });
    expect(nextBlock(MAX_SEQUENCE - 2)).toEqual({ first: MAX_SEQUENCE - 1, last: MAX_SEQUENCE });
    expect(nextBlock(MAX_SEQUENCE)).toBeUndefined();
  });

  it('holds next year too from 1 December, by Taipei time', () => {
    expect(rocYearsToHold(new Date('2026-11-30T15:59:59Z'))).toEqual([115]);
    expect(rocYearsToHold(new Date('2026-11-30T16:00:00Z'))).toEqual([115, 116]);
    expect(rocYearsToHold(new Date('2026-12-31T16:00:00Z'))).toEqual([116]);
  });
});
