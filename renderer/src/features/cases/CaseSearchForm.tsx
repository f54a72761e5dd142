import type { Bilingual } from '../../../../shared/domain/bilingual';
import { caseStatuses, type CaseStatus } from '../../../../shared/schemas/case';
import type { CaseSort } from '../../db/caseQuery';
import { useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import { getCatalogue } from '../../lib/referenceData';
import { SearchTextField } from '../../lib/SearchTextField';
import { useLocale } from '../../state/locale';
import { DateField } from '../dates/DateField';

const sorts: readonly CaseSort[] = ['received-desc', 'received-asc', 'due-asc', 'caseNo-asc'];

export interface CaseFilters {
  text: string;
  status: CaseStatus | '';
  serviceId: string;
  from: string;
  to: string;
  sort: CaseSort;
}

export interface CaseSearchFormProps {
  filters: CaseFilters;
  onChange: (change: Partial<CaseFilters>) => void;
  /** Why the search text cannot be searched, shown in place of the hint. */
  textError?: Bilingual;
}

/** The search box and filters over the cases on this device. */
export function CaseSearchForm({ filters, onChange, textError }: CaseSearchFormProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <form className="case-search" role="search" onSubmit={(e) => e.preventDefault()} aria-label={t('search')}>
      <SearchTextField id="case-search-text" value={filters.text} onChange={(typed) => onChange({ text: typed })} error={textError} />
      <LabelledField
        id="case-search-status"
        label={t('status')}
        value={filters.status}
        onChange={(status) => onChange({ status: status as CaseStatus | '' })}
        placeholder={t('allStatuses')}
        options={caseStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
      />
      <LabelledField id="case-search-service" label={t('service')} value={filters.serviceId} onChange={(serviceId) => onChange({ serviceId })} placeholder={t('allServices')} options={getCatalogue().services.map((service) => ({ value: service.id, label: locale === 'en' ? service.nameEn : service.nameZh }))} />
      <DateField id="case-search-from" label={t('dateFrom')} value={filters.from} onChange={(from) => onChange({ from })} />
      <DateField id="case-search-to" label={t('dateTo')} value={filters.to} onChange={(to) => onChange({ to })} />
      <div className="field">
        <label htmlFor="case-search-sort">{t('sortBy')}</label>
        <select id="case-search-sort" value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as CaseSort })}>
          {sorts.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
