import { findService } from '../../../../shared/domain/catalogue';
import { getCatalogue } from '../../lib/referenceData';
import { useLocale } from '../../state/locale';

/** A service's name in the current language, or its id when the catalogue no longer lists it. */
export function useServiceName(): (id: string) => string {
  const locale = useLocale((s) => s.locale);
  return (id) => {
    const found = findService(getCatalogue(), id);
    return found ? (locale === 'en' ? found.nameEn : found.nameZh) : id;
  };
}
