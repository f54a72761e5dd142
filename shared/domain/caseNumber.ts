/**
 * Case numbers made offline: `115-KL01-000042-7` = ROC year (3 digits), station code (2–6 upper-case
 * letters or digits, given at device enrolment), per-station sequence (6 digits), check character.
 * Unique without the server because every install of a station numbers cases from blocks of the
 * station's sequence that the server reserved for it alone (caseNumberBlocks.ts, decision 0016).
 *
 * Check character: the Damm algorithm over the 36 symbols 0–9A–Z. Damm's scheme folds the characters
 * through a quasigroup `∘` (every row and column of its table is a permutation) that is *totally
 * anti-symmetric*: (c∘x)∘y = (c∘y)∘x only when x = y. The check character is the one that brings the
 * interim value back to 0.
 * - Any single substitution is caught: rows and columns are permutations, so changing one character
 *   changes the interim value there, and each later step maps different interims to different ones.
 * - Any swap of two neighbours x ≠ y is caught: that is exactly total anti-symmetry. It covers the
 *   check character too, since validation folds it like any other character.
 * The order-36 quasigroup is the direct product of x∘y = ω·x + y over GF(4) and x∘y = 2x + y over
 * Z3 × Z3 (both totally anti-symmetric because the multiplier is neither 0 nor 1, and a direct product
 * of totally anti-symmetric quasigroups is totally anti-symmetric). The hybrid ISO/IEC 7064 MOD 37,36
 * was rejected: it misses some adjacent swaps. The tests enumerate the whole table to prove both claims.
 */
import type { Bilingual } from './bilingual';
import { toHalfWidth } from './toHalfWidth';

export interface CaseNoParts {
  rocYear: number;
  stationCode: string;
  sequence: number;
}

export type CaseNoErrorReason = 'empty' | 'format' | 'check-character';

export type CaseNoResult =
  | { ok: true; normalized: string; parts: CaseNoParts }
  | { ok: false; reason: CaseNoErrorReason; message: Bilingual };

export const CASE_NO_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const STATION_CODE_PATTERN = /^[A-Z0-9]{2,6}$/;
export const MAX_SEQUENCE = 999_999;

// GF(4) = {0, 1, ω, ω²} as two bits b0 + b1·ω with ω² = ω + 1; addition is XOR.
function gf4TimesOmega(v: number): number {
  const b0 = v & 1;
  const b1 = (v >> 1) & 1;
  return b1 | ((b0 ^ b1) << 1);
}

/** The quasigroup on 0..35: v = g + 4·(t0 + 3·t1) with g in GF(4) and (t0, t1) in Z3 × Z3. */
function op(x: number, y: number): number {
  const g = gf4TimesOmega(x % 4) ^ (y % 4);
  const xt = Math.floor(x / 4);
  const yt = Math.floor(y / 4);
  const t0 = (2 * (xt % 3) + (yt % 3)) % 3;
  const t1 = (2 * Math.floor(xt / 3) + Math.floor(yt / 3)) % 3;
  return g + 4 * (t0 + 3 * t1);
}

/** The 36 × 36 table, exported so that the tests can check the quasigroup laws exhaustively. */
export const DAMM36_TABLE: ReadonlyArray<readonly number[]> = Array.from({ length: 36 }, (_, x) =>
  Array.from({ length: 36 }, (_, y) => op(x, y)),
);

function fold(body: string): number {
  let interim = 0;
  for (const ch of body) {
    const v = CASE_NO_ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`Not a case number character: ${JSON.stringify(ch)}`);
    interim = DAMM36_TABLE[interim]?.[v] ?? 0;
  }
  return interim;
}

/** The check character for a body of 0–9A–Z characters. */
export function checkCharacter(body: string): string {
  const interim = fold(body);
  const row = DAMM36_TABLE[interim] ?? [];
  return CASE_NO_ALPHABET.charAt(row.indexOf(0));
}

/** True when the body followed by its last character folds to 0. */
export function hasValidCheckCharacter(bodyWithCheck: string): boolean {
  return /^[0-9A-Z]+$/.test(bodyWithCheck) && fold(bodyWithCheck) === 0;
}

function body({ rocYear, stationCode, sequence }: CaseNoParts): string {
  return `${String(rocYear).padStart(3, '0')}${stationCode}${String(sequence).padStart(6, '0')}`;
}

export function formatCaseNo(parts: CaseNoParts): string {
  const { rocYear, stationCode, sequence } = parts;
  if (!Number.isInteger(rocYear) || rocYear < 1 || rocYear > 999) throw new RangeError(`Bad ROC year ${rocYear}`);
  if (!STATION_CODE_PATTERN.test(stationCode)) throw new RangeError(`Bad station code ${JSON.stringify(stationCode)}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) throw new RangeError(`Bad sequence ${sequence}`);
  const b = body(parts);
  return `${b.slice(0, 3)}-${stationCode}-${b.slice(-6)}-${checkCharacter(b)}`;
}

const COMPACT = /^(\d{3})([A-Z0-9]{2,6})(\d{6})([A-Z0-9])$/;

/** Accepts what a clerk types from a phone call: any case, full-width, spaces or dashes or nothing between parts. */
export function parseCaseNo(input: string): CaseNoResult {
  const compact = toHalfWidth(input).toUpperCase().replace(/[\s\-_./–—]/g, '');
  if (compact === '') return { ok: false, reason: 'empty', message: { zh: '請輸入案件編號', en: 'Enter a case number.' } };
  const m = COMPACT.exec(compact);
  const sequence = Number(m?.[3]);
  if (!m || sequence < 1 || Number(m[1]) < 1) {
    return {
      ok: false,
      reason: 'format',
      message: { zh: '案件編號格式應如 115-KL01-000042-7', en: 'A case number looks like 115-KL01-000042-7.' },
    };
  }
  if (!hasValidCheckCharacter(compact)) {
    return {
      ok: false,
      reason: 'check-character',
      message: {
        zh: '案件編號檢查碼不符，可能有字元打錯或順序顛倒',
        en: 'The check character does not match: a character is probably mistyped or two are swapped.',
      },
    };
  }
  const parts: CaseNoParts = { rocYear: Number(m[1]), stationCode: m[2] ?? '', sequence };
  return { ok: true, normalized: formatCaseNo(parts), parts };
}
