import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_NO_ALPHABET,
  DAMM36_TABLE,
  checkCharacter,
  formatCaseNo,
  hasValidCheckCharacter,
  parseCaseNo,
} from './caseNumber';
import type { CaseNoParts } from './caseNumber';
import { must } from './fixtures/must';

const partsArb: fc.Arbitrary<CaseNoParts> = fc.record({
  rocYear: fc.integer({ min: 1, max: 999 }),
  stationCode: fc.stringMatching(/^[A-Z0-9]{2,6}$/),
  sequence: fc.integer({ min: 1, max: 999_999 }),
});

/** The characters that carry meaning: everything but the separators. */
const compactOf = (caseNo: string) => caseNo.replace(/-/g, '');

describe('the order-36 quasigroup', () => {
  it('is a quasigroup: every row and every column is a permutation of 0..35', () => {
    for (let i = 0; i < 36; i++) {
      expect(new Set(DAMM36_TABLE[i])).toHaveProperty('size', 36);
      expect(new Set(DAMM36_TABLE.map((row) => row[i]))).toHaveProperty('size', 36);
    }
  });
  it('is totally anti-symmetric: (c∘x)∘y = (c∘y)∘x only when x = y (all 36³ cases)', () => {
    const t = (a: number, b: number) => must(DAMM36_TABLE[a]?.[b]);
    let collisions = 0;
    for (let c = 0; c < 36; c++)
      for (let x = 0; x < 36; x++)
        for (let y = 0; y < 36; y++) if (x !== y && t(t(c, x), y) === t(t(c, y), x)) collisions++;
    expect(collisions).toBe(0);
  });
});

describe('format and parse', () => {
  it('formats the example layout', () => {
    const no = formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence: 42 });
    expect(no).toMatch(/^115-KL01-000042-[0-9A-Z]$/);
    expect(no).toBe(`115-KL01-000042-${checkCharacter('115KL01000042')}`);
  });
  it('refuses parts that cannot make a number', () => {
    expect(() => formatCaseNo({ rocYear: 0, stationCode: 'KL01', sequence: 1 })).toThrow(RangeError);
    expect(() => formatCaseNo({ rocYear: 115, stationCode: 'kl01', sequence: 1 })).toThrow(RangeError);
    expect(() => formatCaseNo({ rocYear: 115, stationCode: 'K', sequence: 1 })).toThrow(RangeError);
    expect(() => formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence: 1_000_000 })).toThrow(RangeError);
    expect(() => formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence: 0 })).toThrow(RangeError);
  });
  it('round-trips, and accepts the number as typed over the phone', () => {
    fc.assert(
      fc.property(partsArb, fc.constantFrom(' ', '', '-', ' - ', '　'), fc.boolean(), (parts, sep, wide) => {
        const no = formatCaseNo(parts);
        expect(parseCaseNo(no)).toEqual({ ok: true, normalized: no, parts });
        let typed = no.toLowerCase().replace(/-/g, sep);
        if (wide) typed = typed.replace(/[0-9a-z]/g, (c) => String.fromCodePoint(must(c.codePointAt(0)) + 0xfee0));
        expect(parseCaseNo(typed)).toEqual({ ok: true, normalized: no, parts });
      }),
    );
  });
  it('explains what is wrong', () => {
    expect(parseCaseNo('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseCaseNo('115-KL01-42-7')).toMatchObject({ ok: false, reason: 'format' });
    expect(parseCaseNo('115-KL01-000000-0')).toMatchObject({ ok: false, reason: 'format' });
    const good = formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence: 42 });
    const wrongCheck = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
    const result = parseCaseNo(wrongCheck);
    expect(result).toMatchObject({ ok: false, reason: 'check-character' });
    if (!result.ok) expect(result.message.zh).toContain('檢查碼');
  });
});

describe('error detection (every single substitution and every adjacent swap)', () => {
  it('catches every single substitution of every character, check character included', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const compact = compactOf(formatCaseNo(parts));
        expect(hasValidCheckCharacter(compact)).toBe(true);
        for (let i = 0; i < compact.length; i++) {
          for (const ch of CASE_NO_ALPHABET) {
            if (ch === compact[i]) continue;
            const changed = compact.slice(0, i) + ch + compact.slice(i + 1);
            expect(hasValidCheckCharacter(changed), changed).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
  it('catches every swap of two different neighbours, check character included', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const compact = compactOf(formatCaseNo(parts));
        for (let i = 0; i + 1 < compact.length; i++) {
          const a = must(compact[i]);
          const b = must(compact[i + 1]);
          if (a === b) continue;
          const swapped = compact.slice(0, i) + b + a + compact.slice(i + 2);
          expect(hasValidCheckCharacter(swapped), swapped).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
  it('so a typo in a typed number is reported, never read as another valid case', () => {
    fc.assert(
      fc.property(partsArb, fc.nat(), fc.nat({ max: 35 }), (parts, pos, sub) => {
        const no = formatCaseNo(parts);
        const idx = [...no].map((c, i) => (c === '-' ? -1 : i)).filter((i) => i >= 0);
        const at = must(idx[pos % idx.length]);
        const ch = must(CASE_NO_ALPHABET[sub]);
        fc.pre(ch !== no[at]);
        const typo = no.slice(0, at) + ch + no.slice(at + 1);
        expect(parseCaseNo(typo).ok).toBe(false);
      }),
    );
  });
});
