import { useMemo } from 'react';
import type { QueueFilter } from '../../../../shared/schemas/supervision';
import type { Unit } from '../../../../shared/schemas/unit';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { useLocale } from '../../state/locale';
import { DateField } from '../dates/DateField';

export interface SupervisorFiltersProps {
  filter: QueueFilter;
  onFilter: (filter: QueueFilter) => void;
  /** The units the supervisor oversees that have open cases. */
  units: readonly Unit[];
  onRefresh: () => void;
}

/** The queue's filters (unit, service, due by) and the refresh button. */
export function SupervisorFilters({ filter, onFilter, units, onRefresh }: SupervisorFiltersProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const services = useMemo(() => getCatalogue().services.map((s) => ({ id: s.id, name: locale === 'en' ? s.nameEn : s.nameZh })), [locale]);
  return (
    <form
      className="supervisor-filters"
      onSubmit={(event) => {
        event.preventDefault();
        onRefresh();
      }}
    >
      <label>
        {t('supUnit')}
        <select value={filter.unit ?? ''} onChange={(event) => onFilter({ ...filter, unit: event.target.value || undefined })}>
          <option value="">{t('supAll')}</option>
          {units.map((unit) => (
            <option key={unit.code} value={unit.code}>{locale === 'en' ? unit.nameEn : unit.nameZh}</option>
          ))}
        </select>
      </label>
      <label>
        {t('supService')}
        <select value={filter.service ?? ''} onChange={(event) => onFilter({ ...filter, service: event.target.value || undefined })}>
          <option value="">{t('supAll')}</option>
          {services.map((service) => (
            <option key={service.id} value={service.id}>{service.name}</option>
          ))}
        </select>
      </label>
      <DateField id="supervisor-due-by" label={t('supDueBy')} value={filter.dueBy ?? ''} onChange={(dueBy) => onFilter({ ...filter, dueBy: dueBy || undefined })} />
      <button type="submit">{t('supRefresh')}</button>
    </form>
  );
}
