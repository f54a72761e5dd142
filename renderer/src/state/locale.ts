import { defineStore } from './defineStore';

/**
 * The language the screens speak: zh-TW by default, because clerks and citizens read Chinese first;
 * English on request, remembered on this computer. The texts themselves are in lib/i18n.ts.
 */
export type Locale = 'zh-TW' | 'en';

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const STORAGE_KEY = 'counterdesk.locale';

export const useLocale = defineStore<LocaleState>((set) => ({
  // Read through globalThis so that modules which only translate also load where there is no
  // localStorage (unit tests in Node): zh-TW there, as at a first start.
  locale: (globalThis.localStorage?.getItem(STORAGE_KEY) as Locale | null | undefined) === 'en' ? 'en' : 'zh-TW',
  setLocale: (locale) => {
    localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-Hant-TW';
    set({ locale });
  },
}));
