import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './calendar';
import { defaultCatalogue, findService } from './catalogue';
import { remedyDeadline, remedyOf } from './remedy';

describe('the remedy a decision notice offers', () => {
  it('is re-examination (復查) for a decision on an application and an appeal (訴願) for a re-examination decision', () => {
    expect(remedyOf(findService(defaultCatalogue, 'HT-REGISTER'))).toBe('reexamination');
    expect(remedyOf(findService(defaultCatalogue, 'GEN-REEXAMINATION'))).toBe('appeal');
    expect(remedyOf(undefined)).toBe('reexamination');
  });

  it('ends 30 days after the day the notice was handed over at the counter', () => {
    // Monday 2026-12-07: day 1 is 12-08, day 30 is Wednesday 2027-01-06.
    expect(remedyDeadline({ method: 'pickup', on: '2026-12-07' }, defaultCalendar)).toEqual({ kind: 'known', receivedOn: '2026-12-07', lastDay: '2027-01-06' });
    expect(remedyDeadline({ method: 'on-the-spot', on: '2026-12-07' }, defaultCalendar)).toEqual({ kind: 'known', receivedOn: '2026-12-07', lastDay: '2027-01-06' });
  });

  it('moves a last day off a weekend or holiday to the next working day (行政程序法 §48)', () => {
    // 2026-03-06 + 30 = Sunday 04-05, and Monday 04-06 is the Tomb Sweeping holiday: Tuesday 04-07.
    expect(remedyDeadline({ method: 'pickup', on: '2026-03-06' }, defaultCalendar)).toEqual({ kind: 'known', receivedOn: '2026-03-06', lastDay: '2026-04-07' });
  });

  it('states the rule instead of a day when the day of receipt is not the bureau’s to know', () => {
    expect(remedyDeadline({ method: 'mail', on: '2026-12-07' }, defaultCalendar)).toEqual({ kind: 'from-receipt' });
    expect(remedyDeadline({ method: 'email', on: '2026-12-07' }, defaultCalendar)).toEqual({ kind: 'from-receipt' });
    expect(remedyDeadline(undefined, defaultCalendar)).toEqual({ kind: 'from-receipt' });
  });

  it('states the rule when the last day falls in a year the office calendar does not hold yet', () => {
    expect(defaultCalendar.years.includes(2028)).toBe(false);
    expect(remedyDeadline({ method: 'pickup', on: '2027-12-10' }, defaultCalendar)).toEqual({ kind: 'from-receipt' });
  });
});
