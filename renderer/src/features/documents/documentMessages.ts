import { translate, type KeysUnder } from '../../lib/i18n';

/**
 * Every message the document features show, in both languages at once: at the counter the clerk
 * reads Chinese and a foreign applicant may read the English line on the same screen, so a problem
 * is never shown in one language only. The words are the `doc.` part of the one table in lib/i18n.ts.
 */

export interface BilingualText {
  zh: string;
  en: string;
}

export type DocumentTextKey = KeysUnder<'doc.'>;

/** A parameter may itself be bilingual (an error's words): each language then gets its own. */
export function formatText(key: DocumentTextKey, params: Record<string, string | number | BilingualText> = {}): BilingualText {
  const inLanguage = (lang: keyof BilingualText) => Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value[lang] : value]));
  return { zh: translate('zh-TW', `doc.${key}`, inLanguage('zh')), en: translate('en', `doc.${key}`, inLanguage('en')) };
}
