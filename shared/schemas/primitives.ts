/**
 * The building blocks of every wire and storage schema.
 *
 * Text people type travels as `line(max)` (one line) or `text(max)` (a note or reasons: line breaks
 * allowed). Both refuse what no person types and what PostgreSQL, the logs or a screen would choke on:
 * control characters (C0 — TAB, CR and, in a `line`, LF too —, DEL and C1; U+0000 cannot be stored at
 * all) and lone UTF-16 surrogates (not characters: PostgreSQL refuses them in JSON and a driver quietly
 * turns them into U+FFFD elsewhere). Format characters (zero-width joiners, marks) stay: CJK names and
 * addresses use them. Decision 0032.
 */
import { z } from 'zod';

/** A calendar date in Asia/Taipei, `YYYY-MM-DD`. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
/** An instant, ISO 8601 with offset. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
/** SHA-256 as 64 lower-case hex characters. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex');
export const uuidSchema = z.uuid();

/** Any control character, or a surrogate not in a pair (with the `u` flag a lone one is its own code point). */
const notInLine = /[\p{Cc}\p{Cs}]/u;
/** The same, with LF allowed. */
const notInText = /(?!\n)[\p{Cc}\p{Cs}]/u;

export const NO_CONTROL_CHARACTERS = 'contains a control character or an unpaired surrogate';

/** True when `value` may be stored as one line of text. */
export function isCleanLine(value: string): boolean {
  return !notInLine.test(value);
}

/** True when `value` may be stored as multi-line text. */
export function isCleanText(value: string): boolean {
  return !notInText.test(value);
}

/** One line of text, at most `max` UTF-16 units; chain `.trim().min(1)` where it is required. */
export function line(max: number) {
  return z.string().max(max).refine(isCleanLine, NO_CONTROL_CHARACTERS);
}

/** Multi-line text (notes, reasons): like `line`, with LF allowed. */
export function text(max: number) {
  return z.string().max(max).refine(isCleanText, NO_CONTROL_CHARACTERS);
}
