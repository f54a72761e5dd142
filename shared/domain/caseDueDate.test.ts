import { describe, expect, it } from 'vitest';
import { OfficeCalendar, defaultCalendar } from './calendar';
import { defaultCatalogue } from './catalogue';
import type { Catalogue } from './catalogue';
import { ServiceNotInCatalogueError, caseDueDate, intakeDueDate, versionsOf } from './caseDueDate';
import { ClockPausedError } from './deadline';

const builtIn = { catalogue: defaultCatalogue, calendar: defaultCalendar };
const data = defaultCalendar.toData();
const year2026 = data.years['2026'] ?? { weekdayHolidays: [], makeUpWorkdays: [] };
// Monday 2026-03-09 made a holiday.
const movedHoliday = OfficeCalendar.fromData({
  ...data,
  version: 'test-moved',
  years: { ...data.years, '2026': { ...year2026, weekdayHolidays: [...year2026.weekdayHolidays, { date: '2026-03-09', name: '停止上班' }] } },
});
// GEN-REFUND: 5 working days in the built-in catalogue; 7 in this one.
const longer: Catalogue = {
  ...defaultCatalogue,
  version: 'test-longer',
  services: defaultCatalogue.services.map((s) => (s.id === 'GEN-REFUND' ? { ...s, limit: { days: 7, basis: 'working' as const } } : s)),
};

describe('a case due date from the versions it names', () => {
  const facts = { serviceId: 'GEN-REFUND', receivedOn: '2026-03-02' };

  it('takes the limit from the catalogue and the working days from the calendar it is given', () => {
    expect(caseDueDate(facts, builtIn)).toBe('2026-03-09');
    expect(caseDueDate(facts, { ...builtIn, calendar: movedHoliday })).toBe('2026-03-10');
    expect(caseDueDate(facts, { ...builtIn, catalogue: longer })).toBe('2026-03-11');
    expect(versionsOf({ catalogue: longer, calendar: movedHoliday })).toEqual({ catalogue: 'test-longer', calendar: 'test-moved' });
  });

  it('skips the case pauses, projects an open one, and adds the extension', () => {
    const paused = { ...facts, clockPauses: [{ from: '2026-03-04', to: '2026-03-05' }] };
    expect(caseDueDate(paused, builtIn)).toBe('2026-03-11');
    const open = { ...facts, clockPauses: [{ from: '2026-03-02' }] };
    expect(() => caseDueDate(open, builtIn)).toThrow(ClockPausedError);
    expect(intakeDueDate(open, builtIn)).toBe('2026-03-09');
    expect(caseDueDate(open, builtIn, { asOf: '2026-03-04' })).toBe('2026-03-11');
    expect(caseDueDate(facts, builtIn, { extensionDays: 5 })).toBe('2026-03-16');
  });

  it('refuses a service its catalogue does not list', () => {
    expect(() => caseDueDate({ ...facts, serviceId: 'NO-SUCH' }, builtIn)).toThrow(ServiceNotInCatalogueError);
  });
});
