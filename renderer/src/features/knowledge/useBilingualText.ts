import type { Bilingual } from '../../../../shared/domain/bilingual';
import { useLocale } from '../../state/locale';

/** The catalogue's bilingual texts in the screen's language; an English text not written yet falls back to the Chinese. */
export function useBilingualText(): (text: Bilingual) => string {
  const locale = useLocale((s) => s.locale);
  return (text) => (locale === 'en' && text.en.trim() ? text.en : text.zh);
}
