import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityVectors } from './fixtures/identityVectors';
import { MASK_CHAR, maskIdNumber, maskName, maskPhone } from './masking';

describe('maskName', () => {
  it.each([
    ['王小明', '王○明'],
    ['王明', '王○'],
    ['歐陽小明', '歐○○明'],
    ['歐陽明', '歐○明'],
    ['司馬相如', '司○○如'],
    ['王', '○'],
    [' 王 小 明 ', '王○明'],
    ['John Smith', 'J*** S****'],
    ['', ''],
  ])('%j → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('follows the published rule text', () => {
    expect(identityVectors.masking.name).toContain(`王小明 -> ${maskName('王小明')}`);
    expect(identityVectors.masking.name).toContain(`歐陽小明 -> ${maskName('歐陽小明')}`);
  });

  const cjkName = fc
    .array(fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)), { minLength: 2, maxLength: 6 })
    .map((a) => a.join(''));

  it('keeps the length, the first character, and shows at most the last one', () => {
    fc.assert(
      fc.property(cjkName, (name) => {
        const chars = Array.from(name);
        const masked = Array.from(maskName(name));
        expect(masked).toHaveLength(chars.length);
        expect(masked[0]).toBe(chars[0]);
        const middle = masked.slice(1, chars.length === 2 ? 2 : -1);
        expect(middle.every((c) => c === MASK_CHAR)).toBe(true);
        // At least half-ish of the name is hidden: never more than two characters shown.
        expect(masked.filter((c) => c !== MASK_CHAR).length).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it('masks the last four characters (the published example)', () => {
    expect(maskIdNumber('A123456789')).toBe('A12345****');
    expect(identityVectors.masking.nationalId).toContain(`A123456789 -> ${maskIdNumber('A123456789')}`);
    expect(maskIdNumber('ａ１２３４５６７８９')).toBe('A12345****');
    expect(maskIdNumber('12345675')).toBe('1234****');
    expect(maskIdNumber('ABC')).toBe('***');
  });
  it('never reveals any of the last four characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{1,12}$/), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(id.length);
        expect(masked.slice(-Math.min(4, id.length))).toBe('*'.repeat(Math.min(4, id.length)));
        expect(masked.slice(0, -4)).toBe(id.slice(0, -4));
      }),
    );
  });
});

describe('maskPhone', () => {
  it.each([
    ['0912345678', '0912-***-678'],
    ['0912-345-678', '0912-***-678'],
    ['+886 912 345 678', '0912-***-678'],
    ['02-2423-1234', '02-*****234'],
    ['037-321234', '037-***234'],
    ['12345', '**345'],
  ])('%j → %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
  it('shows at most the first four and the last three digits of a mobile', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^09\d{8}$/), (n) => {
        expect(maskPhone(n)).toBe(`${n.slice(0, 4)}-***-${n.slice(7)}`);
      }),
    );
  });
  it('never shows more than three digits of anything it cannot parse', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const masked = maskPhone(s);
        if (!/^0\d/.test(masked)) expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(3);
      }),
    );
  });
});
