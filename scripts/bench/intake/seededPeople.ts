import { withCheckDigit } from '../support/nationalId';

/** An applicant of the seeded cases, as the case list finds them by ID, phone or full name. */
export interface SeededPerson {
  idNumber: string;
  name: string;
  phone: string;
}

const SURNAMES = ['王', '李', '張', '劉', '陳', '楊', '黃', '趙', '吳', '周', '徐', '孫', '馬', '朱', '胡', '郭', '何', '高', '林', '羅'];
const GIVEN = Array.from({ length: 2000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 37) % 20000)) + String.fromCodePoint(0x4e00 + ((i * 91 + 7) % 20000)));
/** Letters of national IDs, A–K without I. */
const LETTERS = 'ABCDEFGHJK';

/** A valid national ID for a number 0..99,999,999. */
function nationalId(n: number): string {
  return withCheckDigit(`${LETTERS.charAt(n % 10)}${1 + (n % 2)}${String(Math.floor(n / 20) % 10_000_000).padStart(7, '0')}`);
}

/**
 * The applicants of the seed: one common surname and one of 2,000 two-character given names each, so
 * that a full-name search finds a handful of cases among the 200,000, as in a real city.
 */
export function seededPeople(count = 40_000): SeededPerson[] {
  return Array.from({ length: count }, (_, n) => ({
    idNumber: nationalId(n * 2_477 + 13),
    name: `${SURNAMES[n % SURNAMES.length] ?? ''}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length] ?? ''}`,
    phone: `09${String(10_000_000 + n * 7).slice(-8)}`,
  }));
}
