/**
 * A date as a clerk types it into any date field: the ROC forms they read on paper (115/12/07, 115.12.07,
 * 1151207, 115年12月7日, 民國115年12月7日, 99/01/05) or a Western date (2026-12-07, 2026/12/07, 20261207,
 * 2026年12月7日), in full-width digits too. One rule settles every ambiguity, by the length of the year:
 * a year of one to three digits is an ROC year, four digits a Western year. So the compact 7-digit form
 * is ROC (YYYMMDD) and the 8-digit form Western (YYYYMMDD), and a two-digit year such as 99/01/05 is ROC
 * 99 (2010), never 1999: clerks never write a Western year in two digits, but ROC years below 100 are
 * every date before 2011. Dates that do not exist (115/02/30, month 13) are refused with the reason,
 * never rolled over into the next month.
 */
import type { Bilingual } from './bilingual';
import { daysInMonth, formatIsoDate } from './isoDate';
import { parseRocDate, ROC_EPOCH_OFFSET, type RocDateErrorReason } from './rocDate';
import { toHalfWidth } from './toHalfWidth';

/** The first and last dates a field takes: ROC year 1 to 999, the years the three-digit ROC forms can hold. */
export const EARLIEST_DATE = '1912-01-01';
export const LATEST_DATE = '2910-12-31';
const LATEST_YEAR = 2910;

export type DateInputErrorReason = RocDateErrorReason;

export type DateInputResult = { ok: true; isoDate: string } | { ok: false; reason: DateInputErrorReason; message: Bilingual };

const WESTERN_SEPARATED = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const WESTERN_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WESTERN_LONG = /^(?:西元|公元)?(\d{4})年(\d{1,2})月(\d{1,2})日?$/;

const formatError: Bilingual = {
  zh: '日期格式不正確，請輸入如 115/12/07、1151207 或 2026-12-07',
  en: 'Unrecognised date; type it as 115/12/07, 1151207 or 2026-12-07.',
};

function fail(reason: DateInputErrorReason, message: Bilingual): DateInputResult {
  return { ok: false, reason, message };
}

function western(year: number, month: number, day: number): DateInputResult {
  if (year <= ROC_EPOCH_OFFSET || year > LATEST_YEAR) {
    return fail('year-out-of-range', {
      zh: `西元${year}年不在可輸入的範圍（民國元年至999年，即1912至2910年）`,
      en: `The year ${year} is out of range; dates run from 1912 (ROC 1) to 2910 (ROC 999).`,
    });
  }
  if (month < 1 || month > 12) return fail('impossible-date', { zh: `沒有${month}月`, en: `There is no month ${month}.` });
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return fail('impossible-date', {
      zh: `西元${year}年${month}月沒有${day}日（該月只有${last}天）`,
      en: `${year}-${String(month).padStart(2, '0')} has no day ${day}; it has ${last} days.`,
    });
  }
  return { ok: true, isoDate: formatIsoDate({ year, month, day }) };
}

/** Parses what was typed into a date field; the ISO date, or why it was refused in both languages. */
export function parseDateInput(input: string): DateInputResult {
  // Spaces typed around separators ("115 / 12 / 07") or left by an input method carry no meaning.
  const text = toHalfWidth(input).replace(/\s+/g, '');
  if (text === '') return fail('empty', { zh: '請輸入日期', en: 'Enter a date.' });
  const m = WESTERN_SEPARATED.exec(text) ?? WESTERN_COMPACT.exec(text) ?? WESTERN_LONG.exec(text);
  if (m) return western(Number(m[1]), Number(m[2]), Number(m[3]));
  const roc = parseRocDate(text);
  if (roc.ok || roc.reason !== 'format') return roc;
  return fail('format', formatError);
}
