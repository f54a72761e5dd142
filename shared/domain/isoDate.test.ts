import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOfWeek, fromDayNumber, isValidIsoDate, toDayNumber } from './isoDate';

describe('isoDate', () => {
  it('validates dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2026-1-1')).toBe(false);
  });
  it('agrees with Date.UTC on day numbers and weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(toDayNumber(iso)).toBe(n);
        expect(fromDayNumber(n)).toBe(iso);
        expect(dayOfWeek(iso)).toBe(new Date(n * 86_400_000).getUTCDay());
      }),
    );
  });
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('adds months, keeping the day or the month’s last day', () => {
    expect(addMonths('2026-03-09', 1)).toBe('2026-04-09');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-05-20', 12)).toBe('2027-05-20');
  });
});
