import type { Bilingual } from '../../../../shared/domain/bilingual';
import { translate, translateBoth, type KeysUnder } from '../../lib/i18n';
import type { Locale } from '../../state/locale';

/**
 * The field-visit screens' words: the `visit.` part of the one table in lib/i18n.ts, read here without
 * the prefix so the visit screens say `v('title')`.
 */
export type VisitMessageKey = KeysUnder<'visit.'>;

export function visitText(locale: Locale, key: VisitMessageKey, params: Record<string, string | number> = {}): string {
  return translate(locale, `visit.${key}`, params);
}

/** Both languages at once, for errors shown next to a field. */
export function visitBilingual(key: VisitMessageKey, params: Record<string, string | number> = {}): Bilingual {
  return translateBoth(`visit.${key}`, params);
}
