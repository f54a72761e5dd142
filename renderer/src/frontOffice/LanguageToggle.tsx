import type { Locale } from '../state/locale';

/** One button to the other language, written in that language (as the desktop app's own switch). */
export function LanguageToggle({ locale, onChange }: { locale: Locale; onChange: (locale: Locale) => void }) {
  const other: Locale = locale === 'en' ? 'zh-TW' : 'en';
  return (
    <button type="button" className="fo-language" lang={other === 'en' ? 'en' : 'zh-Hant-TW'} onClick={() => onChange(other)}>
      {other === 'en' ? 'English' : '中文'}
    </button>
  );
}
