import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityVectors } from './fixtures/identityVectors';
import { addDays } from './isoDate';
import { formatRocCompact, formatRocLong, formatRocShort, parseRocDate, taipeiDate } from './rocDate';

describe('ROC dates', () => {
  it('matches the published example', () => {
    const ex = identityVectors.rocDate.example;
    expect(formatRocLong(ex.iso)).toBe(ex.long);
    expect(formatRocShort(ex.iso)).toBe(ex.short);
    expect(formatRocCompact(ex.iso)).toBe(ex.compact);
    for (const form of [ex.long, ex.short, ex.compact]) expect(parseRocDate(form)).toEqual({ ok: true, isoDate: ex.iso });
  });

  it.each([
    ['民國115年11月27日', '2026-11-27'],
    ['115年1月5日', '2026-01-05'],
    ['１１５／１１／２７', '2026-11-27'],
    ['115.1.5', '2026-01-05'],
    ['115-01-05', '2026-01-05'],
    [' 99/12/31 ', '2010-12-31'],
    ['0991231', '2010-12-31'],
    ['113/02/29', '2024-02-29'],
  ])('parses %j', (input, isoDate) => {
    expect(parseRocDate(input)).toEqual({ ok: true, isoDate });
  });

  it.each([
    ['', 'empty'],
    ['11/27', 'format'],
    ['2026-11-27', 'format'],
    ['0/1/1', 'year-out-of-range'],
    ['115/02/29', 'impossible-date'],
    ['115/13/01', 'impossible-date'],
    ['115/04/31', 'impossible-date'],
    ['115/00/10', 'impossible-date'],
    ['中華民國115年2月30日', 'impossible-date'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parseRocDate(input)).toMatchObject({ ok: false, reason });
  });

  it('says why a date is impossible, in both languages', () => {
    const r = parseRocDate('115/02/30');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.zh).toBe('民國115年2月沒有30日（該月只有28天）');
      expect(r.message.en).toContain('has no day 30');
    }
  });

  it('round-trips every date in both forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80_000 }), (n) => {
        const iso = addDays('1912-01-01', n);
        expect(parseRocDate(formatRocLong(iso))).toEqual({ ok: true, isoDate: iso });
        expect(parseRocDate(formatRocShort(iso))).toEqual({ ok: true, isoDate: iso });
      }),
    );
  });

  it('refuses to format dates before the ROC era', () => {
    expect(() => formatRocLong('1911-12-31')).toThrow(RangeError);
    expect(() => formatRocShort('2026-02-30')).toThrow(RangeError);
  });
});

describe('taipeiDate', () => {
  it('uses the Taipei calendar day, not UTC', () => {
    expect(taipeiDate(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(taipeiDate(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
    expect(taipeiDate(new Date('2026-12-31T23:30:00+08:00'))).toBe('2026-12-31');
    expect(() => taipeiDate(new Date('nope'))).toThrow(RangeError);
  });
  it('agrees with Intl for Asia/Taipei', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(taipeiDate(new Date(ms))).toBe(fmt.format(new Date(ms)));
      }),
    );
  });
});
