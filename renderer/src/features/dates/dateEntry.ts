/**
 * What a date field does with the clerk's text, apart from React: the text shown for a value the screen
 * holds, what a finished entry (blur, Enter) becomes, and the arrow keys' day steps. The screen always
 * holds an ISO date or ''; the field holds what was typed, so a refused entry is kept to be corrected.
 */
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { addDays, isValidIsoDate } from '../../../../shared/domain/isoDate';
import { EARLIEST_DATE, LATEST_DATE, parseDateInput } from '../../../../shared/domain/parseDateInput';
import { formatRocShort } from '../../../../shared/domain/rocDate';

export interface DateEntry {
  /** The date handed to the screen: ISO `YYYY-MM-DD`, or '' when the field is empty or its text refused. */
  isoDate: string;
  /** The field's text: the ROC short form of a valid date, otherwise exactly what was typed. */
  text: string;
  /** Why the text was refused, in both languages. */
  error?: Bilingual;
}

function inRange(isoDate: string): boolean {
  return isValidIsoDate(isoDate) && isoDate >= EARLIEST_DATE && isoDate <= LATEST_DATE;
}

/**
 * The text a field shows for the value its screen holds: an ISO date in the ROC short form. Anything
 * else (a draft saved with what was typed) is shown as it is, to be checked when the clerk finishes.
 */
export function dateEntryText(value: string): string {
  return inRange(value) ? formatRocShort(value) : value;
}

/** A finished entry: parsed, normalised when valid, kept with its reason when refused. */
export function commitDateEntry(text: string, required = false): DateEntry {
  const parsed = parseDateInput(text);
  if (parsed.ok) return { isoDate: parsed.isoDate, text: formatRocShort(parsed.isoDate) };
  if (parsed.reason === 'empty') return required ? { isoDate: '', text: '', error: parsed.message } : { isoDate: '', text: '' };
  return { isoDate: '', text, error: parsed.message };
}

/**
 * The entry one arrow key press makes: the typed date moved by `days`, or `today` when the field is
 * empty. Undefined when the text is refused (there is no date to move) or the step leaves the range.
 */
export function stepDateEntry(text: string, days: number, today: string): DateEntry | undefined {
  const parsed = parseDateInput(text);
  let next: string;
  if (parsed.ok) next = addDays(parsed.isoDate, days);
  else if (parsed.reason === 'empty') next = today;
  else return undefined;
  return inRange(next) ? { isoDate: next, text: formatRocShort(next) } : undefined;
}
