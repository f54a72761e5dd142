import { applicationForm } from './applicationForm';

/** The report of a change in the use of a house (房屋使用情形變更申報書): layout as data, parsed by formTemplateSchema (shared/domain/formTemplate.ts). */
export const htUseChangeTemplate: unknown = applicationForm({
  id: 'ht-use-change',
  titleZh: '房屋使用情形變更申報書',
  titleEn: 'Report of a change in the use of a house',
  rows: [
    { zh: '房屋稅籍編號', en: 'House tax register no.', field: 'houseTaxNo' },
    { zh: '變更使用日期', en: 'Use changed on', field: 'useChangedOn' },
    { zh: '變更後用途', en: 'New use', field: 'newUse' },
  ],
});
