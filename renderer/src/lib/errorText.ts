import { useCallback } from 'react';
import { errorCodes, type ErrorCode } from '../../../shared/http/errors';
import { rejectionCodes, type RejectionCode } from '../../../shared/sync/protocol';
import { messages, translate, translateBoth, type MessageKey } from './i18n';
import { useLocale, type Locale } from '../state/locale';

/**
 * What a person reads when something fails: every error that reaches a screen is turned into a
 * sentence from the translations, in the reader's language, that says what happened and what to do
 * next. Technical messages (the server's English text, a database's exception) go to the console for
 * IT, never onto the screen. Screens keep what was typed whatever the error; the texts say so.
 */

export interface ErrorText {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** The names along an error's cause chain (Dexie wraps the browser's DOMException as `inner`). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner ?? cause;
  }
  return names;
}

/** True when the browser refused a write for lack of space, however deeply the error wraps it. */
export function isQuotaError(error: unknown): boolean {
  return errorNames(error).includes('QuotaExceededError');
}

function isServerCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (errorCodes as readonly string[]).includes(code);
}

const STORAGE_ERROR_KEYS: Record<string, MessageKey> = {
  QuotaExceededError: 'error.storageFull',
  ConstraintError: 'error.storageConflict',
  DatabaseClosedError: 'error.storageUnavailable',
  InvalidStateError: 'error.storageUnavailable',
  UnknownError: 'error.storageUnavailable',
  VersionError: 'error.storageUnavailable',
  OpenFailedError: 'error.storageUnavailable',
  NotAllowedError: 'error.permission',
  DeviceLockedError: 'error.locked',
  // A save refused for its case number (db/caseNumberStore.ts, decision 0016).
  CaseNumbersUsedUp: 'caseNumbersUsedUp',
  CaseNumberTaken: 'caseNumberTaken',
  NetworkError: 'error.network',
  TimeoutError: 'error.network',
};

/** The translation key (and its parameters) that tells a person what this error means for them. */
export function errorText(error: unknown): ErrorText {
  if (error && typeof error === 'object' && 'code' in error && (error as { name?: unknown }).name === 'ApiError') {
    const { code } = error as { code: unknown };
    if (isServerCode(code)) return { key: `error.${code}` };
    return { key: 'error.bad_response' };
  }
  // A step the desk rule refused on this device (lib/caseSteps.ts): the reason the server would give.
  if (error instanceof Error && error.name === 'StepRefused') {
    const { code } = error as Error & { code?: unknown };
    if (isRejectionCode(code)) return { key: `rejection.${code}` };
  }
  // A decision refused on this device before anything was stored (features/supervisor/caseDecisions.ts): its own words.
  if (error instanceof Error && error.name === 'DecisionRefused') {
    const { key } = error as Error & { key?: unknown };
    if (typeof key === 'string' && key in messages.en) return { key: key as MessageKey };
  }
  for (const name of errorNames(error)) {
    const key = STORAGE_ERROR_KEYS[name];
    if (key) return { key };
  }
  // fetch's own failure ("Failed to fetch") is a TypeError: the server or the network is away.
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return { key: 'error.network' };
  return { key: 'error.unknown' };
}

const logged = new WeakSet<object>();

/** An error the texts cannot name goes to the console for IT, once however often a screen shows it. */
function logUnnamed(error: unknown, text: ErrorText): void {
  if (text.key !== 'error.unknown' && text.key !== 'error.bad_response') return;
  if (typeof error === 'object' && error !== null) {
    if (logged.has(error)) return;
    logged.add(error);
  }
  console.error(error);
}

/** The sentence for an error in one language; the technical detail is logged for IT. */
export function describeError(locale: Locale, error: unknown): string {
  const text = errorText(error);
  logUnnamed(error, text);
  return translate(locale, text.key, text.params);
}

/** The sentence in both languages, for the screens that show both at once (documents, signature). */
export function describeErrorInBoth(error: unknown): { zh: string; en: string } {
  const text = errorText(error);
  logUnnamed(error, text);
  return translateBoth(text.key, text.params);
}

/** `describeError` in the current language, for screens (re-renders when the language changes). */
export function useDescribeError(): (error: unknown) => string {
  const locale = useLocale((s) => s.locale);
  return useCallback((error: unknown) => describeError(locale, error), [locale]);
}

/** A server error code kept from an earlier failure, in words; anything else reads as an unreadable answer. */
export function serverErrorText(locale: Locale, code: string): string {
  return translate(locale, isServerCode(code) ? `error.${code}` : 'error.bad_response');
}

function isRejectionCode(code: unknown): code is RejectionCode {
  return typeof code === 'string' && (rejectionCodes as readonly string[]).includes(code);
}

/**
 * Why the server refused a change, as a person reads it; an unknown code reads as a general refusal.
 * `caseNo` names the case the refused change was about (some reasons say it).
 */
export function rejectionText(locale: Locale, code: string | undefined, caseNo = ''): string {
  return translate(locale, isRejectionCode(code) ? `rejection.${code}` : 'rejection.other', { caseNo });
}
