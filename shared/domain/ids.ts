/**
 * Taiwanese taxpayer identity numbers. Every check runs on normalised input (trimmed, full-width →
 * ASCII, upper case), and every failure carries a reason code plus a message a clerk can read out.
 *
 * - National ID (國民身分證統一編號): letter + 1|2 + 8 digits.
 * - Resident certificate (居留證統一證號), 2021 form: letter + 8|9 + 8 digits, same checksum.
 * - Resident certificate, old form: two letters (second A–D) + 8 digits, valid until 2030-12-31; the
 *   second letter counts as its letter code mod 10.
 * - Unified business number (統一編號): 8 digits, checksum divisible by 5 under the Ministry of Finance
 *   rule in force since 2023 (the older rule used 10; every number valid under it stays valid).
 */
import type { Bilingual } from './bilingual';
import { toHalfWidth } from './toHalfWidth';

export type TaxpayerIdKind = 'nationalId' | 'residentNew' | 'residentOld' | 'businessNumber';

export type IdErrorReason = 'empty' | 'format' | 'checksum';

export type IdResult =
  | { ok: true; kind: TaxpayerIdKind; normalized: string }
  | { ok: false; reason: IdErrorReason; message: Bilingual };

/** Letter codes of the national ID; note I, O, W, Z sit out of alphabetical order. */
const LETTER_CODES: Readonly<Record<string, number>> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

const PATTERNS: Readonly<Record<TaxpayerIdKind, RegExp>> = {
  nationalId: /^[A-Z][12]\d{8}$/,
  residentNew: /^[A-Z][89]\d{8}$/,
  residentOld: /^[A-Z][A-D]\d{8}$/,
  businessNumber: /^\d{8}$/,
};

const KIND_NAMES: Readonly<Record<TaxpayerIdKind, Bilingual>> = {
  nationalId: { zh: '身分證統一編號', en: 'national ID number' },
  residentNew: { zh: '居留證統一證號', en: 'resident certificate number' },
  residentOld: { zh: '居留證統一證號（舊式）', en: 'resident certificate number (old form)' },
  businessNumber: { zh: '統一編號', en: 'unified business number' },
};

/** Trim, turn full-width letters and digits into ASCII, drop inner spaces and upper-case. */
export function normalizeIdInput(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
}

function fail(reason: IdErrorReason, what: Bilingual): IdResult {
  const message: Record<IdErrorReason, Bilingual> = {
    empty: { zh: `請輸入${what.zh}`, en: `Enter the ${what.en}.` },
    format: { zh: `${what.zh}格式不正確`, en: `This is not a well-formed ${what.en}.` },
    checksum: {
      zh: `${what.zh}檢查碼不符，請核對是否輸入錯誤`,
      en: `The ${what.en} fails its check digit; please check for a typing error.`,
    },
  };
  return { ok: false, reason, message: message[reason] };
}

/** Weighted sum of the ten-character person IDs; `second` is the value standing for character 2. */
function personChecksumOk(id: string, second: number): boolean {
  const code = LETTER_CODES[id.charAt(0)];
  if (code === undefined) return false;
  const digits = [Math.floor(code / 10), code % 10, second, ...id.slice(2).split('').map(Number)];
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];
  const sum = digits.reduce((acc, d, i) => acc + d * (weights[i] ?? 0), 0);
  return sum % 10 === 0;
}

function checkKind(normalized: string, kind: TaxpayerIdKind): boolean {
  switch (kind) {
    case 'nationalId':
    case 'residentNew':
      return personChecksumOk(normalized, Number(normalized.charAt(1)));
    case 'residentOld':
      return personChecksumOk(normalized, (LETTER_CODES[normalized.charAt(1)] ?? 0) % 10);
    case 'businessNumber':
      return businessChecksumOk(normalized);
  }
}

function businessChecksumOk(id: string): boolean {
  const weights = [1, 2, 1, 2, 1, 2, 4, 1];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const product = Number(id.charAt(i)) * (weights[i] ?? 0);
    sum += Math.floor(product / 10) + (product % 10);
  }
  // A 7th digit of 7 gives 7×4 = 28 → 10, which the rule lets count as either 1 or 0.
  return sum % 5 === 0 || (id.charAt(6) === '7' && (sum + 1) % 5 === 0);
}

function validateAs(input: string, kinds: readonly TaxpayerIdKind[], what: Bilingual): IdResult {
  const normalized = normalizeIdInput(input);
  if (normalized === '') return fail('empty', what);
  const kind = kinds.find((k) => PATTERNS[k].test(normalized));
  if (kind === undefined) return fail('format', what);
  if (!checkKind(normalized, kind)) return fail('checksum', KIND_NAMES[kind]);
  return { ok: true, kind, normalized };
}

export function validateNationalId(input: string): IdResult {
  return validateAs(input, ['nationalId'], KIND_NAMES.nationalId);
}

/** Either form of the resident certificate number (2021 form or the old two-letter form). */
export function validateResidentCertificate(input: string): IdResult {
  return validateAs(input, ['residentNew', 'residentOld'], KIND_NAMES.residentNew);
}

export function validateBusinessNumber(input: string): IdResult {
  return validateAs(input, ['businessNumber'], KIND_NAMES.businessNumber);
}

/** Decide which kind of taxpayer number a string is, and check it. */
export function parseTaxpayerId(input: string): IdResult {
  return validateAs(
    input,
    ['nationalId', 'residentNew', 'residentOld', 'businessNumber'],
    { zh: '身分證、居留證號或統一編號', en: 'national ID, resident certificate or business number' },
  );
}

/** How a kind is called in the UI. */
export function taxpayerIdKindLabel(kind: TaxpayerIdKind): Bilingual {
  return KIND_NAMES[kind];
}
