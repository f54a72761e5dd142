import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarMissingError, OfficeCalendar, defaultCalendar } from './calendar';
import { ClockPausedError, computeDueDate, effectiveLimit } from './deadline';
import type { ClockPause, ServiceLimit } from './deadline';
import { addDays, dayOfWeek } from './isoDate';

const working = (days: number): ServiceLimit => ({ days, basis: 'working' });
const calendarDays = (days: number): ServiceLimit => ({ days, basis: 'calendar' });
const immediate: ServiceLimit = { days: 0, basis: 'immediate' };

describe('hand-checked cases (docs/decisions/0001-deadline-rules.md)', () => {
  it.each([
    // Lunar New Year 2026: 2/16–2/20 off, 2/27 off (228 substitute) → 2/23,24,25,26, 3/2,3,4.
    ['2026-02-13', working(7), '2026-03-04'],
    // Lunar New Year 2027: 2/4–2/10 off → 2/11,12,15,16,17.
    ['2027-02-03', working(5), '2027-02-17'],
    // Saturday 2025-02-08 was a make-up working day → 2/8, 2/10, 2/11.
    ['2025-02-07', working(3), '2025-02-11'],
    // 30 calendar days end on Sunday 2026-12-27 → Monday.
    ['2026-11-27', calendarDays(30), '2026-12-28'],
    // 2026-10-09 (Friday) is the National Day substitute holiday: 10/8 then 10/12.
    ['2026-10-07', working(2), '2026-10-12'],
    ['2026-10-08', working(1), '2026-10-12'],
    // A calendar-day limit ending on the substitute holiday moves past the weekend.
    ['2026-09-29', calendarDays(10), '2026-10-12'],
    // Across the year end: 2025-12-25 is a holiday, 2026-01-01 too.
    ['2025-12-24', working(5), '2026-01-02'],
    ['2024-12-30', working(2), '2025-01-02'],
    // Plain weeks.
    ['2026-11-27', working(7), '2026-12-08'],
    ['2026-03-02', working(0), '2026-03-02'],
  ])('received %s, %o → %s', (receivedOn, limit, due) => {
    expect(computeDueDate(receivedOn, limit)).toBe(due);
  });

  it('a same-day service is due on the receipt day, or the next working day when received on a day off', () => {
    expect(computeDueDate('2026-11-27', immediate)).toBe('2026-11-27');
    expect(computeDueDate('2026-02-14', immediate)).toBe('2026-02-23');
    expect(computeDueDate('2025-02-08', immediate)).toBe('2025-02-08');
  });

  it('a site inspection replaces the limit (LVT-SELF-USE: 12 working days, 26 with inspection)', () => {
    expect(computeDueDate('2026-11-27', working(12), { inspection: false, inspectionDays: 26 })).toBe('2026-12-15');
    expect(computeDueDate('2026-11-27', working(12), { inspection: true, inspectionDays: 26 })).toBe('2027-01-06');
    expect(() => computeDueDate('2026-11-27', working(12), { inspection: true })).toThrow(/inspection/);
  });

  it('§51: the clock stops while awaiting documents and resumes the day after they arrive', () => {
    // 7 working days from Fri 2026-11-27: 11/30, 12/1 used; notice on 12/2, documents back 12/4;
    // the 5 left run 12/7–12/11.
    expect(computeDueDate('2026-11-27', working(7), { pauses: [{ from: '2026-12-02', to: '2026-12-04' }] })).toBe('2026-12-11');
    // Deficiency found at intake: as if received complete on the day the documents came.
    expect(computeDueDate('2026-11-27', working(7), { pauses: [{ from: '2026-11-27', to: '2026-12-03' }] })).toBe(
      computeDueDate('2026-12-03', working(7)),
    );
    // Calendar days: 10 days paused add 10 days.
    expect(computeDueDate('2026-11-02', calendarDays(30), { pauses: [{ from: '2026-11-10', to: '2026-11-19' }] })).toBe('2026-12-14');
    // A same-day service waits for the documents and is due the day they arrive.
    expect(computeDueDate('2026-11-27', immediate, { pauses: [{ from: '2026-11-27', to: '2026-12-01' }] })).toBe('2026-12-01');
  });

  it('a pause after the due date does not revive it', () => {
    expect(computeDueDate('2026-11-27', working(2), { pauses: [{ from: '2026-12-10', to: '2026-12-20' }] })).toBe('2026-12-01');
  });

  it('an open pause has no due date unless a projection date is given', () => {
    const pauses: ClockPause[] = [{ from: '2026-12-02' }];
    expect(() => computeDueDate('2026-11-27', working(7), { pauses })).toThrow(ClockPausedError);
    expect(computeDueDate('2026-11-27', working(7), { pauses, asOf: '2026-12-04' })).toBe('2026-12-11');
  });

  it('one extension, no longer than the original limit', () => {
    expect(computeDueDate('2026-11-27', working(7), { extensionDays: 7 })).toBe('2026-12-17');
    expect(computeDueDate('2026-11-27', calendarDays(30), { extensionDays: 30 })).toBe('2027-01-26');
    expect(() => computeDueDate('2026-11-27', working(7), { extensionDays: 8 })).toThrow(/extension/);
    expect(() => computeDueDate('2026-11-27', immediate, { extensionDays: 1 })).toThrow(/extension/);
    expect(effectiveLimit(working(12), { inspection: true, inspectionDays: 26, extensionDays: 26 })).toEqual(working(52));
  });

  it('names the missing year instead of guessing', () => {
    let caught: unknown;
    try {
      computeDueDate('2027-12-28', working(5));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CalendarMissingError);
    expect((caught as CalendarMissingError).year).toBe(2028);
    expect((caught as Error).message).toContain('2028');
    expect(() => computeDueDate('2023-12-29', working(1))).toThrow(CalendarMissingError);
    // The data ends at 2027-12-31, itself a substitute holiday: a limit ending there needs 2028.
    expect(() => computeDueDate('2027-12-30', working(1))).toThrow(/2028/);
  });

  it('rejects malformed input loudly', () => {
    expect(() => computeDueDate('2026-02-30', working(1))).toThrow(RangeError);
    expect(() => computeDueDate('2026-11-27', working(-1))).toThrow(RangeError);
    expect(() => computeDueDate('2026-11-27', working(1.5))).toThrow(RangeError);
    expect(() => computeDueDate('2026-11-27', working(1), { pauses: [{ from: '2026-12-02', to: '2026-12-01' }] })).toThrow(RangeError);
  });

  it('uses a calendar published later by the server', () => {
    const data = structuredClone(defaultCalendar.toData());
    data.version = 'test.2';
    data.years['2028'] = { weekdayHolidays: [{ date: '2028-01-03', name: 'test holiday' }], makeUpWorkdays: [] };
    const updated = OfficeCalendar.fromData(data);
    expect(updated.version).toBe('test.2');
    // 2027-12-30 → 12/31 off, 1/1–1/2 weekend, 1/3 off (test) → 2028-01-04.
    expect(computeDueDate('2027-12-30', working(1), { calendar: updated })).toBe('2028-01-04');
  });
});

// Receipt dates whose deadlines stay inside the 2024–2027 data for limits up to 30 working days plus pauses.
const receivedOn = fc.integer({ min: 0, max: 365 * 3 + 150 }).map((n) => addDays('2024-01-01', n));
const limitArb = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map(working),
  fc.integer({ min: 1, max: 60 }).map(calendarDays),
  fc.constant(immediate),
);
const pauseArb = (base: string) =>
  fc.tuple(fc.integer({ min: -3, max: 40 }), fc.integer({ min: 0, max: 20 })).map(([start, len]) => ({
    from: addDays(base, start),
    to: addDays(base, start + len),
  }));

describe('deadline properties', () => {
  it('the due date is a working day, not before receipt, and not while the applicant is awaited', () => {
    fc.assert(
      fc.property(receivedOn, limitArb, fc.integer({ min: 0, max: 2 }), (r, limit, nPauses) => {
        const pauses = Array.from({ length: nPauses }, (_, i) => ({ from: addDays(r, 3 + 10 * i), to: addDays(r, 5 + 10 * i) }));
        const due = computeDueDate(r, limit, { pauses });
        expect(defaultCalendar.isWorkingDay(due)).toBe(true);
        expect(due >= r).toBe(true);
        for (const p of pauses) expect(due >= p.from && due < p.to).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('a working-day limit counts exactly that many working days after receipt', () => {
    fc.assert(
      fc.property(receivedOn, fc.integer({ min: 1, max: 30 }), (r, n) => {
        const due = computeDueDate(r, working(n));
        expect(defaultCalendar.workingDaysBetween(r, due)).toBe(n);
        expect(defaultCalendar.workingDaysBetween(r, addDays(due, -1))).toBe(n - 1);
      }),
      { numRuns: 500 },
    );
  });

  it('a calendar-day limit ends on the nominal day or the first working day after it, never later', () => {
    fc.assert(
      fc.property(receivedOn, fc.integer({ min: 1, max: 60 }), (r, n) => {
        const nominal = addDays(r, n);
        const due = computeDueDate(r, calendarDays(n));
        expect(due).toBe(defaultCalendar.onOrAfterWorkingDay(nominal));
        if (dayOfWeek(nominal) === 0 || dayOfWeek(nominal) === 6) expect(due > nominal || defaultCalendar.isWorkingDay(nominal)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('pausing then resuming never makes a deadline earlier, and a longer pause never shortens it', () => {
    fc.assert(
      fc.property(
        receivedOn.chain((r) => fc.tuple(fc.constant(r), limitArb, pauseArb(r), fc.integer({ min: 0, max: 10 }))),
        ([r, limit, pause, more]) => {
          const without = computeDueDate(r, limit);
          const withPause = computeDueDate(r, limit, { pauses: [pause] });
          const longer = computeDueDate(r, limit, { pauses: [{ from: pause.from, to: addDays(pause.to, more) }] });
          expect(withPause >= without).toBe(true);
          expect(longer >= withPause).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a longer limit or an extension never gives an earlier date', () => {
    fc.assert(
      fc.property(receivedOn, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (r, n, ext) => {
        const e = Math.min(ext, n);
        const strictlyLater = n >= 1 || defaultCalendar.isWorkingDay(r);
        expect(computeDueDate(r, working(n + 1)) > computeDueDate(r, working(n))).toBe(strictlyLater);
        expect(computeDueDate(r, working(n), { extensionDays: e }) >= computeDueDate(r, working(n))).toBe(true);
        expect(computeDueDate(r, working(n), { extensionDays: e })).toBe(computeDueDate(r, working(n + e)));
      }),
      { numRuns: 300 },
    );
  });
});
