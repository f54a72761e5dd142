import { applicationForm } from './applicationForm';

/** The application for a tax certificate (申請核發證明書): layout as data, parsed by formTemplateSchema (shared/domain/formTemplate.ts). */
export const genCertTemplate: unknown = applicationForm({
  id: 'gen-cert',
  titleZh: '申請核發證明書',
  titleEn: 'Application for a tax certificate',
  rows: [
    { zh: '證明種類', en: 'Certificate', field: 'certificateKind' },
    { zh: '年度', en: 'Tax years', field: 'taxYears' },
    { zh: '份數', en: 'Copies', field: 'copies' },
  ],
});
