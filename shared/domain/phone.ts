/**
 * Taiwanese phone numbers as clerks type them: with or without dashes, spaces, brackets, full-width
 * digits or the +886 country code. The normalised form is the national digits only ("0912345678",
 * "0224231234"), which is what cases store and what the SMS gateway is given.
 */
import type { Bilingual } from './bilingual';
import { toHalfWidth } from './toHalfWidth';

export type PhoneErrorReason = 'empty' | 'format' | 'unknown-area-code' | 'length';

export type PhoneResult =
  | { ok: true; kind: 'mobile' | 'landline'; normalized: string; display: string }
  | { ok: false; reason: PhoneErrorReason; message: Bilingual };

/**
 * Area codes and the subscriber number lengths they take, longest code first so that 0826 wins over
 * 082 and 037 over 03 (NCC numbering plan).
 */
const AREA_CODES: ReadonlyArray<{ code: string; lengths: readonly number[] }> = [
  { code: '0826', lengths: [5] }, // 烏坵
  { code: '0836', lengths: [5] }, // 馬祖
  { code: '037', lengths: [6] }, // 苗栗
  { code: '049', lengths: [7] }, // 南投
  { code: '082', lengths: [6] }, // 金門
  { code: '089', lengths: [6] }, // 臺東
  { code: '02', lengths: [8] }, // 臺北、新北、基隆
  { code: '03', lengths: [7] },
  { code: '04', lengths: [7, 8] },
  { code: '05', lengths: [7] },
  { code: '06', lengths: [7] },
  { code: '07', lengths: [7] },
  { code: '08', lengths: [7] },
];

const MESSAGES: Record<PhoneErrorReason, Bilingual> = {
  empty: { zh: '請輸入電話號碼', en: 'Enter a phone number.' },
  format: { zh: '電話號碼只能包含數字', en: 'A phone number may contain only digits.' },
  'unknown-area-code': { zh: '無法辨識的區碼', en: 'Unknown area code.' },
  length: { zh: '電話號碼位數不正確', en: 'The phone number has the wrong number of digits.' },
};

function fail(reason: PhoneErrorReason): PhoneResult {
  return { ok: false, reason, message: MESSAGES[reason] };
}

function groupSubscriber(subscriber: string): string {
  if (subscriber.length === 8) return `${subscriber.slice(0, 4)}-${subscriber.slice(4)}`;
  if (subscriber.length === 7) return `${subscriber.slice(0, 3)}-${subscriber.slice(3)}`;
  return subscriber;
}

export function parsePhone(input: string): PhoneResult {
  const text = toHalfWidth(input).trim();
  if (text === '') return fail('empty');
  // Separators people type; anything else (letters, '#' extensions) is refused rather than dropped.
  const compact = text.replace(/[\s\-().]/g, '');
  if (!/^\+?\d+$/.test(compact)) return fail('format');
  let digits = compact;
  if (digits.startsWith('+886')) digits = digits.slice(4);
  else if (digits.startsWith('00886')) digits = digits.slice(5);
  else if (digits.startsWith('886') && digits.length >= 11) digits = digits.slice(3);
  else if (digits.startsWith('+')) return fail('unknown-area-code');
  if (compact !== digits && !digits.startsWith('0')) digits = `0${digits}`;

  if (digits.startsWith('09')) {
    if (digits.length !== 10) return fail('length');
    return { ok: true, kind: 'mobile', normalized: digits, display: `${digits.slice(0, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}` };
  }
  const area = AREA_CODES.find((a) => digits.startsWith(a.code));
  if (!area) return fail('unknown-area-code');
  const subscriber = digits.slice(area.code.length);
  if (!area.lengths.includes(subscriber.length)) return fail('length');
  // Subscriber numbers never start with 0 or 1 (those would be trunk or service prefixes).
  if (/^[01]/.test(subscriber)) return fail('format');
  return { ok: true, kind: 'landline', normalized: digits, display: `${area.code}-${groupSubscriber(subscriber)}` };
}

/** The display form when the number is valid, otherwise the input as typed (trimmed). */
export function formatPhone(input: string): string {
  const parsed = parsePhone(input);
  return parsed.ok ? parsed.display : input.trim();
}

/** E.164 for the SMS gateway: 0912345678 → +886912345678. */
export function toE164(normalized: string): string {
  return `+886${normalized.replace(/^0/, '')}`;
}
