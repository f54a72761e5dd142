import { applicationForm } from './applicationForm';

/** The application for the self-use residential land value tax rate (地價稅自用住宅用地申請書): layout as data, parsed by formTemplateSchema (shared/domain/formTemplate.ts). */
export const lvtSelfUseTemplate: unknown = applicationForm({
  id: 'lvt-self-use',
  titleZh: '地價稅自用住宅用地申請書',
  titleEn: 'Application for the self-use residential land value tax rate',
  rows: [
    { zh: '土地坐落（地段、地號）', en: 'Land location', field: 'landLocation', wrap: true },
    { zh: '設籍日期', en: 'Household registered on', field: 'householdRegisteredOn' },
    { zh: '面積（平方公尺）', en: 'Area (m²)', field: 'landArea' },
  ],
});
