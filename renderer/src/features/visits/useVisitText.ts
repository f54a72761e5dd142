import { useLocale } from '../../state/locale';
import { visitText, type VisitMessageKey } from './visitMessages';

/** The field-visit words for the current locale; re-renders the caller when the language changes. */
export function useVisitText(): (key: VisitMessageKey, params?: Record<string, string | number>) => string {
  const locale = useLocale((s) => s.locale);
  return (key, params) => visitText(locale, key, params);
}
