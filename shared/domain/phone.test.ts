import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityVectors } from './fixtures/identityVectors';
import { formatPhone, parsePhone, toE164 } from './phone';

describe('parsePhone', () => {
  it.each([
    ['0912345678', '0912345678', '0912-345-678'],
    ['0912-345-678', '0912345678', '0912-345-678'],
    ['0912 345 678', '0912345678', '0912-345-678'],
    ['+886 912 345 678', '0912345678', '0912-345-678'],
    ['+886-912-345678', '0912345678', '0912-345-678'],
    ['886912345678', '0912345678', '0912-345-678'],
    ['００９１２３４５６７８'.slice(1), '0912345678', '0912-345-678'],
  ])('mobile %s', (input, normalized, display) => {
    expect(parsePhone(input)).toEqual({ ok: true, kind: 'mobile', normalized, display });
  });

  it.each([
    ['02-2423-1234', '0224231234', '02-2423-1234'],
    ['(02)24231234', '0224231234', '02-2423-1234'],
    ['+886 2 2423 1234', '0224231234', '02-2423-1234'],
    ['+886 (0)2 2423 1234', '0224231234', '02-2423-1234'],
    ['03-5123456', '035123456', '03-512-3456'],
    ['04-22345678', '0422345678', '04-2234-5678'],
    ['037-321234', '037321234', '037-321234'],
    ['049-2345678', '0492345678', '049-234-5678'],
    ['0836-22345', '083622345', '0836-22345'],
    ['089-321234', '089321234', '089-321234'],
  ])('landline %s', (input, normalized, display) => {
    expect(parsePhone(input)).toEqual({ ok: true, kind: 'landline', normalized, display });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0912-345-67', 'length'],
    ['09123456789', 'length'],
    ['02-2423-123', 'length'],
    ['0912-ABC-678', 'format'],
    ['02-2423-1234#12', 'format'],
    ['02-0423-1234', 'format'],
    ['0012345678', 'unknown-area-code'],
    ['+1 212 555 0100', 'unknown-area-code'],
  ])('refuses %j (%s) with a bilingual message', (input, reason) => {
    const result = parsePhone(input);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) {
      expect(result.message.zh).not.toBe('');
      expect(result.message.en).not.toBe('');
    }
  });

  it('every 09 + 8 digits is a mobile whose display strips back to itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^09\d{8}$/), (n) => {
        const r = parsePhone(n);
        expect(r).toMatchObject({ ok: true, kind: 'mobile', normalized: n });
        if (r.ok) {
          expect(r.display.replace(/-/g, '')).toBe(n);
          expect(parsePhone(r.display)).toEqual(r);
          expect(parsePhone(toE164(n))).toEqual(r);
        }
      }),
    );
  });

  it('matches the published mobile vector', () => {
    const v = identityVectors.mobilePhone;
    const r = parsePhone(v.e164);
    expect(r).toMatchObject({ ok: true, display: v.display });
    if (!r.ok) throw new Error('the published number must parse');
    expect(r.normalized).toMatch(new RegExp(v.pattern));
    expect(toE164(r.normalized)).toBe(v.e164);
  });

  it('formats for display, leaving unparseable text as typed', () => {
    expect(formatPhone('0912345678')).toBe('0912-345-678');
    expect(formatPhone(' ext. 12 ')).toBe('ext. 12');
    expect(toE164('0912345678')).toBe('+886912345678');
  });
});
