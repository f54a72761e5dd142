/**
 * Republic of China (民國) dates: ROC year = AD year − 1911. Forms and notices use the long form
 * 中華民國115年11月27日; tables and typed input use 115/11/27 or the compact 1151127. Parsing refuses dates
 * that do not exist (115/02/30) with a message that says why, instead of rolling them over.
 */
import type { Bilingual } from './bilingual';
import { daysInMonth, formatIsoDate, isoDateParts } from './isoDate';
import { toHalfWidth } from './toHalfWidth';

export const ROC_EPOCH_OFFSET = 1911;

export type RocDateErrorReason = 'empty' | 'format' | 'year-out-of-range' | 'impossible-date';

export type RocDateResult =
  | { ok: true; isoDate: string }
  | { ok: false; reason: RocDateErrorReason; message: Bilingual };

function partsOf(isoDate: string) {
  const parts = isoDateParts(isoDate);
  if (!parts || parts.year <= ROC_EPOCH_OFFSET) throw new RangeError(`No ROC date for ${JSON.stringify(isoDate)}`);
  return { rocYear: parts.year - ROC_EPOCH_OFFSET, month: parts.month, day: parts.day };
}

/** '2026-11-27' → '中華民國115年11月27日'. */
export function formatRocLong(isoDate: string): string {
  const { rocYear, month, day } = partsOf(isoDate);
  return `中華民國${rocYear}年${month}月${day}日`;
}

/** '2026-11-27' → '115/11/27'. */
export function formatRocShort(isoDate: string): string {
  const { rocYear, month, day } = partsOf(isoDate);
  return `${rocYear}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}

/** '2026-11-27' → '1151127' (three-digit year), the form of many government systems. */
export function formatRocCompact(isoDate: string): string {
  const { rocYear, month, day } = partsOf(isoDate);
  return `${String(rocYear).padStart(3, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

function fail(reason: RocDateErrorReason, message: Bilingual): RocDateResult {
  return { ok: false, reason, message };
}

const LONG = /^(?:中華民國|民國)?\s*(\d{1,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const SEPARATED = /^(?:民國)?(\d{1,3})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const COMPACT = /^(\d{3})(\d{2})(\d{2})$/;

/** Accepts 中華民國115年11月27日, 民國115年11月27日, 115年11月27日, 115/11/27, 115.11.27, 115-11-27, 1151127. */
export function parseRocDate(input: string): RocDateResult {
  const text = toHalfWidth(input).trim();
  if (text === '') return fail('empty', { zh: '請輸入日期', en: 'Enter a date.' });
  const m = LONG.exec(text) ?? SEPARATED.exec(text.replace(/\s+/g, '')) ?? COMPACT.exec(text);
  if (!m) {
    return fail('format', {
      zh: '日期格式不正確，請輸入如 115/11/27 或 中華民國115年11月27日',
      en: 'Unrecognised date; type it as 115/11/27 or 中華民國115年11月27日.',
    });
  }
  const rocYear = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (rocYear < 1) {
    return fail('year-out-of-range', { zh: '民國年份須為 1 以上', en: 'The ROC year must be 1 or later.' });
  }
  const year = rocYear + ROC_EPOCH_OFFSET;
  if (month < 1 || month > 12) {
    return fail('impossible-date', { zh: `沒有${month}月`, en: `There is no month ${month}.` });
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return fail('impossible-date', {
      zh: `民國${rocYear}年${month}月沒有${day}日（該月只有${last}天）`,
      en: `${year}-${String(month).padStart(2, '0')} (ROC ${rocYear}) has no day ${day}; it has ${last} days.`,
    });
  }
  return { ok: true, isoDate: formatIsoDate({ year, month, day }) };
}

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The calendar date of an instant in Asia/Taipei. Taiwan has kept UTC+8 without daylight saving since
 * 1979, so a fixed offset is exact for every date this system sees and does not depend on the host's
 * time zone database.
 */
export function taipeiDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return new Date(ms + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}
