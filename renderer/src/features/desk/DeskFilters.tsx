import { classifySearchText } from '../../db/caseQuery';
import { DESK_STATUSES, type DeskStatus } from '../../db/deskIndex';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { useLocale } from '../../state/locale';

export interface DeskFilterValues {
  text: string;
  status: DeskStatus | '';
  serviceId: string;
}

/** The desk's filters, shared by both its lists: a search text, a status on the desk, a service. */
export function DeskFilters({ filters, onChange }: { filters: DeskFilterValues; onChange: (change: Partial<DeskFilterValues>) => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const text = classifySearchText(filters.text);
  const textError = text.kind === 'invalid' ? text.message : undefined;
  return (
    <form className="case-search" role="search" aria-label={t('desk.filters')} onSubmit={(event) => event.preventDefault()}>
      <div className="field grow">
        <label htmlFor="desk-search-text">{t('searchLabel')}</label>
        <input
          id="desk-search-text"
          type="search"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={filters.text}
          onChange={(event) => onChange({ text: event.target.value })}
          aria-describedby="desk-search-hint"
          aria-invalid={textError ? true : undefined}
        />
        <p id="desk-search-hint" className={textError ? 'field-error' : 'hint small'}>
          {textError ? (locale === 'en' ? textError.en : textError.zh) : t('searchHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="desk-search-status">{t('status')}</label>
        <select id="desk-search-status" value={filters.status} onChange={(event) => onChange({ status: event.target.value as DeskStatus | '' })}>
          <option value="">{t('allStatuses')}</option>
          {DESK_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="desk-search-service">{t('service')}</label>
        <select id="desk-search-service" value={filters.serviceId} onChange={(event) => onChange({ serviceId: event.target.value })}>
          <option value="">{t('allServices')}</option>
          {getCatalogue().services.map((service) => (
            <option key={service.id} value={service.id}>
              {locale === 'en' ? service.nameEn : service.nameZh}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
