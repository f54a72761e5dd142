import { useCallback, useEffect, useState } from 'react';
import { translate, type MessageKey } from '../lib/i18n';
import type { Locale } from '../state/locale';

/**
 * The language of a front-office page (kiosk, phone page). These pages run in a citizen's browser or at
 * the entrance, not in the desktop app, so they keep the language in their own state instead of the
 * app's locale store, and read their words from the one table (lib/i18n.ts) with `translate`. The kiosk
 * goes back to Chinese for the next citizen; the phone page starts from the phone's own language.
 */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function htmlLang(locale: Locale): string {
  return locale === 'en' ? 'en' : 'zh-Hant-TW';
}

/** zh-TW unless the browser asks for another language first (a visitor's phone set to English). */
export function preferredLocale(languages: readonly string[]): Locale {
  const first = languages[0]?.toLowerCase() ?? 'zh-tw';
  return first.startsWith('zh') ? 'zh-TW' : 'en';
}

export function usePageLanguage(initial: Locale): { locale: Locale; setLocale: (locale: Locale) => void; t: Translate } {
  const [locale, setLocale] = useState<Locale>(initial);
  useEffect(() => {
    document.documentElement.lang = htmlLang(locale);
  }, [locale]);
  const t = useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
  return { locale, setLocale, t };
}
