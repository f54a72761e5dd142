import type { Bilingual } from '../../../../shared/domain/bilingual';
import { caseStatuses, type CaseStatus } from '../../../../shared/schemas/case';
import type { CaseSort } from '../../db/caseQuery';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
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
      <div className="field grow">
        <label htmlFor="case-search-text">{t('searchLabel')}</label>
        <input
          id="case-search-text"
          type="search"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={filters.text}
          onChange={(e) => onChange({ text: e.target.value })}
          aria-describedby="case-search-hint"
          aria-invalid={textError ? true : undefined}
        />
        <p id="case-search-hint" className={textError ? 'field-error' : 'hint small'}>
          {textError ? (locale === 'en' ? textError.en : textError.zh) : t('searchHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="case-search-status">{t('status')}</label>
        <select id="case-search-status" value={filters.status} onChange={(e) => onChange({ status: e.target.value as CaseStatus | '' })}>
          <option value="">{t('allStatuses')}</option>
          {caseStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="case-search-service">{t('service')}</label>
        <select id="case-search-service" value={filters.serviceId} onChange={(e) => onChange({ serviceId: e.target.value })}>
          <option value="">{t('allServices')}</option>
          {getCatalogue().services.map((s) => (
            <option key={s.id} value={s.id}>
              {locale === 'en' ? s.nameEn : s.nameZh}
            </option>
          ))}
        </select>
      </div>
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
