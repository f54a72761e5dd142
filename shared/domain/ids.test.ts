import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityVectors as v } from './fixtures/identityVectors';
import {
  normalizeIdInput,
  parseTaxpayerId,
  validateBusinessNumber,
  validateNationalId,
  validateResidentCertificate,
} from './ids';
import { must } from './fixtures/must';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Full-width form of an ASCII string, as a Chinese IME types it. */
function fullWidth(s: string): string {
  return Array.from(s, (c) => String.fromCodePoint(must(c.codePointAt(0)) + 0xfee0)).join('');
}

describe('published vectors', () => {
  it.each(v.nationalId.valid)('national ID %s is valid', (id) => {
    expect(validateNationalId(id)).toEqual({ ok: true, kind: 'nationalId', normalized: id });
    expect(parseTaxpayerId(id)).toEqual({ ok: true, kind: 'nationalId', normalized: id });
  });
  it.each(v.nationalId.invalid)('national ID %s is invalid', (id) => {
    expect(validateNationalId(id).ok).toBe(false);
    expect(parseTaxpayerId(id).ok).toBe(false);
  });
  it.each(v.residentCertificateNew.valid)('new resident certificate %s is valid', (id) => {
    expect(validateResidentCertificate(id)).toEqual({ ok: true, kind: 'residentNew', normalized: id });
    expect(parseTaxpayerId(id)).toMatchObject({ ok: true, kind: 'residentNew' });
  });
  it.each(v.residentCertificateNew.invalid)('new resident certificate %s is invalid', (id) => {
    expect(validateResidentCertificate(id)).toMatchObject({ ok: false, reason: 'checksum' });
    expect(parseTaxpayerId(id).ok).toBe(false);
  });
  it.each(v.residentCertificateOld.valid)('old resident certificate %s is valid', (id) => {
    expect(validateResidentCertificate(id)).toEqual({ ok: true, kind: 'residentOld', normalized: id });
    expect(parseTaxpayerId(id)).toMatchObject({ ok: true, kind: 'residentOld' });
  });
  it.each(v.residentCertificateOld.invalid)('old resident certificate %s is invalid', (id) => {
    expect(validateResidentCertificate(id)).toMatchObject({ ok: false, reason: 'checksum' });
  });
  it.each([...v.businessNumber.validUnderBothRules, ...v.businessNumber.validOnlyUnderNewRule])(
    'business number %s is valid under the current rule',
    (id) => {
      expect(validateBusinessNumber(id)).toEqual({ ok: true, kind: 'businessNumber', normalized: id });
      expect(parseTaxpayerId(id)).toMatchObject({ ok: true, kind: 'businessNumber' });
    },
  );
  it.each(v.businessNumber.invalid)('business number %s is invalid', (id) => {
    expect(validateBusinessNumber(id).ok).toBe(false);
    expect(parseTaxpayerId(id).ok).toBe(false);
  });
  it('normalises lower-case and full-width input as the vectors describe', () => {
    expect(parseTaxpayerId('a123456789')).toEqual({ ok: true, kind: 'nationalId', normalized: 'A123456789' });
    expect(parseTaxpayerId('Ａ１２３４５６７８９')).toEqual({ ok: true, kind: 'nationalId', normalized: 'A123456789' });
    expect(parseTaxpayerId('　ａｃ０１２３４５６７ ')).toEqual({ ok: true, kind: 'residentOld', normalized: 'AC01234567' });
    expect(normalizeIdInput(' ｆ１３１１０４０９３\t')).toBe('F131104093');
  });
});

describe('reasons and messages', () => {
  it('tells empty, malformed and wrong-checksum input apart, in both languages', () => {
    const empty = parseTaxpayerId('  ');
    const format = parseTaxpayerId('A12345678');
    const checksum = parseTaxpayerId('A123456788');
    expect(empty).toMatchObject({ ok: false, reason: 'empty' });
    expect(format).toMatchObject({ ok: false, reason: 'format' });
    expect(checksum).toMatchObject({ ok: false, reason: 'checksum' });
    if (checksum.ok) throw new Error('unreachable');
    expect(checksum.message.zh).toContain('身分證統一編號');
    expect(checksum.message.en).toContain('national ID');
  });
  it('keeps each validator to its kind', () => {
    expect(validateNationalId('A800000014')).toMatchObject({ ok: false, reason: 'format' });
    expect(validateResidentCertificate('A123456789')).toMatchObject({ ok: false, reason: 'format' });
    expect(validateBusinessNumber('A123456789')).toMatchObject({ ok: false, reason: 'format' });
  });
  it('rejects the second character 3 (not a sex code) even with a good checksum', () => {
    expect(parseTaxpayerId('A323456789').ok).toBe(false);
  });
});

/** Complete a 9-character person-ID prefix with the digit that makes its checksum pass. */
function completePersonId(prefix: string): string {
  for (let d = 0; d <= 9; d++) {
    if (parseTaxpayerId(prefix + d).ok) return prefix + d;
  }
  throw new Error(`no check digit for ${prefix}`);
}

const personPrefix = fc
  .tuple(fc.constantFrom(...LETTERS), fc.constantFrom('1', '2', '8', '9', 'A', 'B', 'C', 'D'), fc.stringMatching(/^\d{7}$/))
  .map(([a, b, c]) => a + b + c);

describe('checksum properties', () => {
  it('every 9-character prefix has exactly one check digit, and it survives normalisation', () => {
    fc.assert(
      fc.property(personPrefix, (prefix) => {
        const valid = Array.from({ length: 10 }, (_, d) => prefix + d).filter((id) => parseTaxpayerId(id).ok);
        expect(valid).toHaveLength(1);
        const id = must(valid[0]);
        expect(parseTaxpayerId(fullWidth(id.toLowerCase()))).toMatchObject({ ok: true, normalized: id });
      }),
    );
  });
  it('a changed digit is caught exactly when weight × change is not a multiple of 10', () => {
    // Weights of characters 3..10 are 7,6,5,4,3,2,1,1: the check digit (weight 1) catches every change
    // there, but e.g. +2 at a weight-5 position goes unnoticed; that is the published scheme's limit.
    const weights = [0, 0, 7, 6, 5, 4, 3, 2, 1, 1];
    fc.assert(
      fc.property(personPrefix, fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 9 }), (prefix, pos, delta) => {
        const id = completePersonId(prefix);
        const digit = (Number(id.charAt(pos)) + delta) % 10;
        const changed = id.slice(0, pos) + digit + id.slice(pos + 1);
        expect(parseTaxpayerId(changed).ok).toBe((must(weights[pos]) * delta) % 10 === 0);
      }),
    );
  });
  it('a business number valid under the legacy rule (÷10) is valid under the current one (÷5)', () => {
    const legacyOk = (id: string) => {
      const w = [1, 2, 1, 2, 1, 2, 4, 1];
      let s = 0;
      for (let i = 0; i < 8; i++) {
        const p = Number(id[i]) * must(w[i]);
        s += Math.floor(p / 10) + (p % 10);
      }
      return s % 10 === 0 || (id[6] === '7' && (s + 1) % 10 === 0);
    };
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (id) => {
        if (legacyOk(id)) expect(validateBusinessNumber(id).ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it('accepts exactly one in five business numbers with a given 7-digit prefix (two when the 7th digit is 7)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7}$/), (prefix) => {
        const count = Array.from({ length: 10 }, (_, d) => prefix + d).filter((id) => validateBusinessNumber(id).ok).length;
        expect(count).toBe(prefix[6] === '7' ? 4 : 2);
      }),
    );
  });
});
