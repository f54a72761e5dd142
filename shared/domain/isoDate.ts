/**
 * Calendar arithmetic on `YYYY-MM-DD` strings without `Date` or time zones: a date is turned into a
 * day number (days since 1970-01-01, proleptic Gregorian) and back, so adding days can never drift by
 * an hour or land on the wrong day whatever the host's time zone is.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The parts of a well-formed, existing date, or undefined (2026-02-30 does not exist). */
export function isoDateParts(isoDate: string): DateParts | undefined {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isValidIsoDate(isoDate: string): boolean {
  return isoDateParts(isoDate) !== undefined;
}

function requireParts(isoDate: string): DateParts {
  const parts = isoDateParts(isoDate);
  if (!parts) throw new RangeError(`Not a valid YYYY-MM-DD date: ${JSON.stringify(isoDate)}`);
  return parts;
}

export function formatIsoDate({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Days from civil / civil from days (H. Hinnant's public-domain algorithms).
export function toDayNumber(isoDate: string): number {
  const { year, month, day } = requireParts(isoDate);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(toDayNumber(isoDate) + days);
}

/** The same day `months` months on, or the month's last day when it has no such day (01-31 + 1 → 02-28). */
export function addMonths(isoDate: string, months: number): string {
  const { year, month, day } = requireParts(isoDate);
  const index = year * 12 + (month - 1) + months;
  const target = { year: Math.floor(index / 12), month: (index % 12) + 1 };
  return formatIsoDate({ ...target, day: Math.min(day, daysInMonth(target.year, target.month)) });
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(isoDate: string): number {
  // 1970-01-01 was a Thursday.
  return (((toDayNumber(isoDate) + 4) % 7) + 7) % 7;
}

export function isoYear(isoDate: string): number {
  return requireParts(isoDate).year;
}
