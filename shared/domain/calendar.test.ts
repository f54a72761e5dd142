import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarMissingError, OfficeCalendar, defaultCalendar } from './calendar';
import { addDays, dayOfWeek } from './isoDate';

describe('OfficeCalendar', () => {
  it('covers 2024–2027 and has a version', () => {
    expect(defaultCalendar.years).toEqual([2024, 2025, 2026, 2027]);
    expect(defaultCalendar.version).toBe('2024-2027.1');
  });

  it.each([
    ['2026-02-13', true],
    ['2026-02-16', false], // 農曆除夕
    ['2026-02-20', false], // 小年夜（補假）
    ['2026-02-27', false], // 和平紀念日（補假）
    ['2026-10-09', false], // 國慶日（補假）
    ['2026-10-10', false], // Saturday
    ['2026-10-12', true],
    ['2025-02-08', true], // Saturday, 補行上班日
    ['2025-02-09', false], // Sunday
    ['2027-06-09', false], // listed without a name (Dragon Boat Festival)
    ['2027-12-31', false],
  ])('%s working: %s', (date, working) => {
    expect(defaultCalendar.isWorkingDay(date)).toBe(working);
  });

  it('names holidays', () => {
    expect(defaultCalendar.holidayName('2026-10-09')).toBe('國慶日（補假）');
    expect(defaultCalendar.holidayName('2026-10-08')).toBeUndefined();
  });

  it('throws CalendarMissingError with the year for dates it does not cover', () => {
    expect(() => defaultCalendar.isWorkingDay('2028-01-03')).toThrow(CalendarMissingError);
    try {
      defaultCalendar.isWorkingDay('2023-06-01');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarMissingError);
      expect((e as CalendarMissingError).year).toBe(2023);
      expect((e as Error).message).toMatch(/2023.*民國112年/s);
    }
  });

  it('a weekday is a working day unless listed; a weekend day only when listed as make-up', () => {
    const data = defaultCalendar.toData();
    const holidays = new Set(Object.values(data.years).flatMap((y) => y.weekdayHolidays.map((h) => h.date)));
    const makeUp = new Set(Object.values(data.years).flatMap((y) => y.makeUpWorkdays.map((h) => h.date)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 * 365 }), (n) => {
        const d = addDays('2024-01-01', n);
        const weekday = dayOfWeek(d) >= 1 && dayOfWeek(d) <= 5;
        expect(defaultCalendar.isWorkingDay(d)).toBe(makeUp.has(d) || (weekday && !holidays.has(d)));
      }),
    );
  });

  it('refuses malformed data from the server', () => {
    expect(() => OfficeCalendar.fromData({ years: {} })).toThrow(); // no version
    expect(() => OfficeCalendar.fromData({ version: '1', years: { 2026: { weekdayHolidays: [{ date: '2026-02-30', name: 'x' }], makeUpWorkdays: [] } } })).toThrow();
    expect(() => OfficeCalendar.fromData({ version: '1', years: { 2026: { weekdayHolidays: [{ date: '2027-01-01', name: 'x' }], makeUpWorkdays: [] } } })).toThrow(/filed under 2026/);
    expect(() =>
      OfficeCalendar.fromData({
        version: '1',
        years: { 2026: { weekdayHolidays: [{ date: '2026-03-02', name: 'x' }], makeUpWorkdays: [{ date: '2026-03-02', name: 'y' }] } },
      }),
    ).toThrow(/both/);
  });

  it('counts working days between dates', () => {
    expect(defaultCalendar.workingDaysBetween('2026-02-13', '2026-03-04')).toBe(7);
    expect(defaultCalendar.workingDaysBetween('2026-03-04', '2026-02-13')).toBe(0);
    expect(defaultCalendar.nextWorkingDay('2026-10-08')).toBe('2026-10-12');
    expect(defaultCalendar.onOrAfterWorkingDay('2026-10-08')).toBe('2026-10-08');
  });
});
