import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './isoDate';
import { EARLIEST_DATE, LATEST_DATE, parseDateInput } from './parseDateInput';
import { formatRocCompact, formatRocShort } from './rocDate';

describe('parseDateInput', () => {
  it.each([
    // ROC, every form a clerk writes
    ['115/12/07', '2026-12-07'],
    ['115.12.07', '2026-12-07'],
    ['115-12-07', '2026-12-07'],
    ['115/12/7', '2026-12-07'],
    ['1151207', '2026-12-07'],
    ['115年12月7日', '2026-12-07'],
    ['115年12月7', '2026-12-07'],
    ['民國115年12月7日', '2026-12-07'],
    ['中華民國115年12月7日', '2026-12-07'],
    [' 115 / 12 / 07 ', '2026-12-07'],
    // Western
    ['2026-12-07', '2026-12-07'],
    ['2026/12/07', '2026-12-07'],
    ['2026.12.7', '2026-12-07'],
    ['20261207', '2026-12-07'],
    ['2026年12月7日', '2026-12-07'],
    ['西元2026年12月7日', '2026-12-07'],
    // full-width digits and separators, as Chinese input methods type them
    ['１１５／１２／０７', '2026-12-07'],
    ['１１５１２０７', '2026-12-07'],
    ['２０２６－１２－０７', '2026-12-07'],
    ['民國１１５年１２月７日', '2026-12-07'],
    // leap days
    ['113/02/29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %j as %s', (input, isoDate) => {
    expect(parseDateInput(input)).toEqual({ ok: true, isoDate });
  });

  it('reads a 7-digit compact date as ROC and an 8-digit one as Western', () => {
    expect(parseDateInput('1151207')).toEqual({ ok: true, isoDate: '2026-12-07' });
    expect(parseDateInput('20261207')).toEqual({ ok: true, isoDate: '2026-12-07' });
    // The same digits mean different dates by their length: 0991231 is ROC 99, not 1999.
    expect(parseDateInput('0991231')).toEqual({ ok: true, isoDate: '2010-12-31' });
    expect(parseDateInput('19991231')).toEqual({ ok: true, isoDate: '1999-12-31' });
  });

  it('reads a one- or two-digit year as an ROC year, never as a Western year', () => {
    expect(parseDateInput('99/01/05')).toEqual({ ok: true, isoDate: '2010-01-05' });
    expect(parseDateInput('99年1月5日')).toEqual({ ok: true, isoDate: '2010-01-05' });
    expect(parseDateInput('26/12/07')).toEqual({ ok: true, isoDate: '1937-12-07' });
    expect(parseDateInput('1/1/1')).toEqual({ ok: true, isoDate: '1912-01-01' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['　', 'empty'],
    ['abc', 'format'],
    ['12/07', 'format'],
    ['115/12', 'format'],
    ['991231', 'format'],
    ['202612071', 'format'],
    ['115/12/07（2026-12-07）', 'format'],
    ['115/02/30', 'impossible-date'],
    ['115/13/01', 'impossible-date'],
    ['115/04/31', 'impossible-date'],
    ['114/02/29', 'impossible-date'],
    ['1150230', 'impossible-date'],
    ['2026-02-30', 'impossible-date'],
    ['2026-13-01', 'impossible-date'],
    ['20260230', 'impossible-date'],
    ['2100-02-29', 'impossible-date'],
    ['2026-00-10', 'impossible-date'],
    ['0/1/1', 'year-out-of-range'],
    ['1911-12-31', 'year-out-of-range'],
    ['0001-01-01', 'year-out-of-range'],
    ['2911-01-01', 'year-out-of-range'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parseDateInput(input)).toMatchObject({ ok: false, reason });
  });

  it('says why, in Chinese and in English', () => {
    expect(parseDateInput('115/02/30')).toEqual({
      ok: false,
      reason: 'impossible-date',
      message: { zh: '民國115年2月沒有30日（該月只有28天）', en: '2026-02 (ROC 115) has no day 30; it has 28 days.' },
    });
    expect(parseDateInput('2026-02-30')).toEqual({
      ok: false,
      reason: 'impossible-date',
      message: { zh: '西元2026年2月沒有30日（該月只有28天）', en: '2026-02 has no day 30; it has 28 days.' },
    });
    expect(parseDateInput('115/13/01')).toMatchObject({ message: { zh: '沒有13月', en: 'There is no month 13.' } });
    const unrecognised = parseDateInput('12/07');
    expect(unrecognised).toMatchObject({ ok: false, reason: 'format' });
    if (!unrecognised.ok) {
      // The hint names both calendars, since both are accepted.
      expect(unrecognised.message.zh).toContain('115/12/07');
      expect(unrecognised.message.zh).toContain('2026-12-07');
      expect(unrecognised.message.en).toContain('1151207');
    }
    expect(parseDateInput('1911-12-31')).toMatchObject({ message: { en: expect.stringContaining('1912 (ROC 1)') } });
  });

  it('reads back every date in range in the ROC short, ROC compact and ISO forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 999 - 1 }), (n) => {
        const iso = addDays(EARLIEST_DATE, n);
        if (iso > LATEST_DATE) return;
        expect(parseDateInput(formatRocShort(iso))).toEqual({ ok: true, isoDate: iso });
        expect(parseDateInput(formatRocCompact(iso))).toEqual({ ok: true, isoDate: iso });
        expect(parseDateInput(iso)).toEqual({ ok: true, isoDate: iso });
        expect(parseDateInput(iso.replaceAll('-', ''))).toEqual({ ok: true, isoDate: iso });
      }),
    );
  });

  it('takes the first and last dates of the range and nothing beyond', () => {
    expect(parseDateInput(EARLIEST_DATE)).toEqual({ ok: true, isoDate: EARLIEST_DATE });
    expect(parseDateInput('999/12/31')).toEqual({ ok: true, isoDate: LATEST_DATE });
    expect(parseDateInput(addDays(EARLIEST_DATE, -1))).toMatchObject({ ok: false, reason: 'year-out-of-range' });
    expect(parseDateInput(addDays(LATEST_DATE, 1))).toMatchObject({ ok: false, reason: 'year-out-of-range' });
  });
});
