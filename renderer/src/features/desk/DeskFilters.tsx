import { classifySearchText } from '../../db/caseQuery';
import { DESK_STATUSES, type DeskStatus } from '../../db/deskIndex';
import { useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import { getCatalogue } from '../../lib/referenceData';
import { SearchTextField } from '../../lib/SearchTextField';
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
      <SearchTextField id="desk-search-text" value={filters.text} onChange={(typed) => onChange({ text: typed })} error={textError} />
      <LabelledField
        id="desk-search-status"
        label={t('status')}
        value={filters.status}
        onChange={(status) => onChange({ status: status as DeskStatus | '' })}
        placeholder={t('allStatuses')}
        options={DESK_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
      />
      <LabelledField id="desk-search-service" label={t('service')} value={filters.serviceId} onChange={(serviceId) => onChange({ serviceId })} placeholder={t('allServices')} options={getCatalogue().services.map((service) => ({ value: service.id, label: locale === 'en' ? service.nameEn : service.nameZh }))} />
    </form>
  );
}
