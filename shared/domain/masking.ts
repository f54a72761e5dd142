/**
 * Masking for paper and public pages. Invariant: a masked value never reveals more than the rule
 * allows, whatever the input looks like — unparseable input is masked harder, never passed through.
 *
 * - Names: keep the first and the last character, replace the ones between with ○ (U+25CB): 王○明,
 *   歐○○明; a two-character name keeps only the surname (王○). Latin-script names keep each word's
 *   first letter.
 * - ID numbers: the last four characters become * (國家發展委員會 發資字第1031501471號).
 * - Phones: 0912-***-678; landlines keep the area code and the last three digits.
 */
import { parsePhone } from './phone';
import { toHalfWidth } from './toHalfWidth';

export const MASK_CHAR = '○';

const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

export function maskName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return '';
  if (!HAS_CJK.test(trimmed)) {
    return trimmed
      .split(' ')
      .map((word) => {
        const chars = Array.from(word);
        return (chars[0] ?? '') + '*'.repeat(Math.max(chars.length - 1, 0));
      })
      .join(' ');
  }
  const chars = Array.from(trimmed.replace(/ /g, ''));
  if (chars.length === 1) return MASK_CHAR;
  if (chars.length === 2) return `${chars[0] ?? ''}${MASK_CHAR}`;
  return `${chars[0] ?? ''}${MASK_CHAR.repeat(chars.length - 2)}${chars[chars.length - 1] ?? ''}`;
}

export function maskIdNumber(id: string): string {
  const chars = Array.from(toHalfWidth(id).replace(/\s+/g, '').toUpperCase());
  // Too short to keep anything and still hide four characters: hide it all.
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return chars.slice(0, -4).join('') + '****';
}

export function maskPhone(phone: string): string {
  const parsed = parsePhone(phone);
  if (!parsed.ok) {
    const digits = toHalfWidth(phone).replace(/\D/g, '');
    if (digits.length <= 3) return '*'.repeat(digits.length);
    return '*'.repeat(digits.length - 3) + digits.slice(-3);
  }
  const groups = parsed.display.split('-');
  if (parsed.kind === 'mobile') return `${groups[0] ?? ''}-***-${groups[2] ?? ''}`;
  const area = groups[0] ?? '';
  const subscriber = parsed.normalized.slice(area.length);
  const masked = '*'.repeat(subscriber.length - 3) + subscriber.slice(-3);
  return `${area}-${masked}`;
}
