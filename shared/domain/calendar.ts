/**
 * The government office calendar (行政機關辦公日曆表). A date is a working day when it is Monday–Friday
 * and not a listed holiday, or when it is a listed make-up working day (補行上班日, e.g. Saturday
 * 2025-02-08). Invariant: a question about a year the data does not cover throws CalendarMissingError
 * naming that year — the deadline engine never guesses from weekdays alone.
 *
 * The server publishes new versions (GET /v1/calendar); devices parse them with `OfficeCalendar.fromData`.
 */
import { z } from 'zod';
import { officeCalendarData } from './data/officeCalendarData';
import { addDays, dayOfWeek, isoDateParts, isoYear } from './isoDate';

const datedEntry = z.object({
  date: z.string().refine((d) => isoDateParts(d) !== undefined, 'expected an existing YYYY-MM-DD date'),
  name: z.string(),
  category: z.string().optional(),
});

const yearSchema = z.object({
  weekdayHolidays: z.array(datedEntry),
  makeUpWorkdays: z.array(datedEntry),
});

export const officeCalendarDataSchema = z
  .object({
    version: z.string().min(1).max(64),
    source: z.string().optional(),
    rule: z.string().optional(),
    years: z.record(z.string().regex(/^\d{4}$/), yearSchema),
  })
  .superRefine((data, ctx) => {
    for (const [year, entry] of Object.entries(data.years)) {
      const holidays = new Set(entry.weekdayHolidays.map((h) => h.date));
      for (const e of [...entry.weekdayHolidays, ...entry.makeUpWorkdays]) {
        if (!e.date.startsWith(`${year}-`)) {
          ctx.addIssue({ code: 'custom', path: ['years', year], message: `${e.date} is filed under ${year}` });
        }
      }
      for (const w of entry.makeUpWorkdays) {
        if (holidays.has(w.date)) {
          ctx.addIssue({ code: 'custom', path: ['years', year], message: `${w.date} is both a holiday and a make-up working day` });
        }
      }
    }
  });
export type OfficeCalendarData = z.infer<typeof officeCalendarDataSchema>;

export class CalendarMissingError extends Error {
  readonly year: number;

  constructor(year: number) {
    super(
      `The office calendar for ${year} (ROC ${year - 1911}) is missing; update the calendar from the server ` +
        `(缺少民國${year - 1911}年辦公日曆，請向伺服器更新).`,
    );
    this.name = 'CalendarMissingError';
    this.year = year;
  }
}

export class OfficeCalendar {
  readonly version: string;
  private readonly data: OfficeCalendarData;
  private readonly holidays: ReadonlyMap<string, string>;
  private readonly makeUpDays: ReadonlySet<string>;
  private readonly yearSet: ReadonlySet<number>;

  private constructor(data: OfficeCalendarData) {
    this.data = data;
    this.version = data.version;
    const holidays = new Map<string, string>();
    const makeUp = new Set<string>();
    for (const entry of Object.values(data.years)) {
      for (const h of entry.weekdayHolidays) holidays.set(h.date, h.name);
      for (const w of entry.makeUpWorkdays) makeUp.add(w.date);
    }
    this.holidays = holidays;
    this.makeUpDays = makeUp;
    this.yearSet = new Set(Object.keys(data.years).map(Number));
  }

  /** Parse untrusted data (a file, the server's answer); throws a ZodError when it is malformed. */
  static fromData(data: unknown): OfficeCalendar {
    return new OfficeCalendar(officeCalendarDataSchema.parse(data));
  }

  /** The years covered, ascending. */
  get years(): number[] {
    return [...this.yearSet].sort((a, b) => a - b);
  }

  hasYear(year: number): boolean {
    return this.yearSet.has(year);
  }

  private requireYear(isoDate: string): void {
    const year = isoYear(isoDate);
    if (!this.yearSet.has(year)) throw new CalendarMissingError(year);
  }

  isWorkingDay(isoDate: string): boolean {
    this.requireYear(isoDate);
    if (this.makeUpDays.has(isoDate)) return true;
    if (this.holidays.has(isoDate)) return false;
    const dow = dayOfWeek(isoDate);
    return dow !== 0 && dow !== 6;
  }

  /** The holiday's name when the date is a listed weekday holiday. */
  holidayName(isoDate: string): string | undefined {
    this.requireYear(isoDate);
    return this.holidays.get(isoDate);
  }

  /** The first working day strictly after the date. */
  nextWorkingDay(isoDate: string): string {
    let d = addDays(isoDate, 1);
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** The date itself when it is a working day, otherwise the next one (§48 IV). */
  onOrAfterWorkingDay(isoDate: string): string {
    return this.isWorkingDay(isoDate) ? isoDate : this.nextWorkingDay(isoDate);
  }

  /** Working days in (from, to]: 0 when `to` is not after `from`. */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }

  /** The data as published, for storing locally or serving to devices. */
  toData(): OfficeCalendarData {
    return this.data;
  }
}

export const defaultCalendar: OfficeCalendar = OfficeCalendar.fromData(officeCalendarData);
