import { describe, expect, it } from 'vitest';
import { defaultCatalogue, findService } from './catalogue';
import { checkFormFields, formValues } from './formValues';

const service = findService(defaultCatalogue, 'HT-USE-CHANGE');
const fields = service?.form?.fields ?? [];

describe('service-specific form fields', () => {
  it('puts a date in the ROC form and keeps a listed choice', () => {
    expect(checkFormFields(fields, { houseTaxNo: ' 0701 ', useChangedOn: '2026-11-30', newUse: '出租', stray: 'x' })).toEqual({
      ok: true,
      values: { houseTaxNo: '0701', useChangedOn: '中華民國115年11月30日', newUse: '出租' },
    });
  });

  it('says which field is wrong and why, in both languages', () => {
    const result = checkFormFields(fields, { houseTaxNo: '', useChangedOn: '2026-02-30', newUse: '倉庫' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.houseTaxNo).toEqual({ zh: '請填寫房屋稅籍編號', en: 'Enter the house tax register no.' });
    expect(result.errors.useChangedOn?.zh).toBe('變更使用日期不是有效日期');
    expect(result.errors.newUse?.en).toBe('Choose the new use from the list');
  });

  it('refuses a number field that is not a number', () => {
    const gen = findService(defaultCatalogue, 'GEN-CERT')?.form?.fields ?? [];
    const result = checkFormFields(gen, { certificateKind: '納稅證明', taxYears: '115', copies: 'two' });
    expect(result).toEqual({ ok: false, errors: { copies: { zh: '份數須為數字', en: 'Copies must be a number' } } });
  });

  it('prints the applicant in full, with the filing date in the ROC form', () => {
    if (!service) throw new Error('no HT-USE-CHANGE');
    const values = formValues(service, { name: '林淑芬', idNumber: 'F223456789', address: '基隆市', phone: '0224201122' }, '2026-12-07', {});
    expect(values).toMatchObject({ applicantName: '林淑芬', applicantId: 'F223456789', serviceName: service.nameZh, filedOn: '中華民國115年12月7日' });
  });
});
