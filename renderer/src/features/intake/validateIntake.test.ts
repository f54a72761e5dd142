import { describe, expect, it } from 'vitest';
import { emptyFields, validateIntake, type IntakeFields } from './validateIntake';

const base: IntakeFields = { ...emptyFields, serviceId: 'HT-REGISTER', idNumber: 'a123456789', name: ' 王小明 ', phone: '0912-345-678' };

describe('validateIntake', () => {
  it('normalises a person: upper-case id, trimmed name, phone digits', () => {
    const result = validateIntake(base);
    expect(result).toEqual({ ok: true, value: { serviceId: 'HT-REGISTER', kind: 'person', idNumber: 'A123456789', idKind: 'nationalId', name: '王小明', phone: '0912345678' } });
  });

  it('says next to the field, in both languages, that a pasted control character cannot be stored', () => {
    const result = validateIntake({ ...base, name: '王\u0000小明', addressLine: '愛一路\u001b1號', zip: '200' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['addressLine', 'name']);
    expect(result.errors.name?.zh).toMatch(/控制字元/);
    expect(result.errors.name?.en).toMatch(/control character/);
  });

  it('refuses an id that does not fit the applicant kind', () => {
    const company = validateIntake({ ...base, kind: 'company', relatedName: '陳大文' });
    expect(company.ok).toBe(false);
    if (!company.ok) expect(company.errors.idNumber?.en).toMatch(/business number/);
    const person = validateIntake({ ...base, idNumber: '04595257' });
    expect(person.ok).toBe(false);
  });

  it('asks each kind for its second person', () => {
    const agent = validateIntake({ ...base, kind: 'agent' });
    expect(agent.ok).toBe(false);
    if (!agent.ok) expect(Object.keys(agent.errors).sort()).toEqual(['relatedId', 'relatedName']);
    const ok = validateIntake({ ...base, kind: 'heir', relatedId: 'y123456788', relatedName: '張先人', diedOn: '115/01/05' });
    expect(ok.ok && ok.value.related).toEqual({ idNumber: 'Y123456788', name: '張先人', diedOn: '2026-01-05' });
    const company = validateIntake({ ...base, kind: 'company', idNumber: '04595257', name: '基隆海運', relatedName: '陳大文' });
    expect(company.ok && company.value.related).toEqual({ idNumber: '', name: '陳大文' });
  });

  it('takes the date of death as clerks write it, and says why an impossible one is refused', () => {
    const heir = { ...base, kind: 'heir' as const, relatedId: 'y123456788', relatedName: '張先人' };
    for (const diedOn of ['1150105', '2026-01-05', '民國115年1月5日', '２０２６０１０５']) {
      const ok = validateIntake({ ...heir, diedOn });
      expect(ok.ok && ok.value.related?.diedOn).toBe('2026-01-05');
    }
    const impossible = validateIntake({ ...heir, diedOn: '115/02/30' });
    expect(!impossible.ok && impossible.errors.diedOn).toEqual({ zh: '民國115年2月沒有30日（該月只有28天）', en: '2026-02 (ROC 115) has no day 30; it has 28 days.' });
  });

  it('takes a Keelung district with the address, and wants both or neither', () => {
    const ok = validateIntake({ ...base, zip: '200', addressLine: '愛一路1號' });
    expect(ok.ok && ok.value.address).toEqual({ zip: '200', district: '仁愛區', line: '愛一路1號' });
    const noZip = validateIntake({ ...base, addressLine: '愛一路1號' });
    expect(!noZip.ok && noZip.errors.zip).toBeTruthy();
    const noLine = validateIntake({ ...base, zip: '201' });
    expect(!noLine.ok && noLine.errors.addressLine).toBeTruthy();
    const elsewhere = validateIntake({ ...base, zip: 'other', addressLine: '臺北市中正區重慶南路一段122號' });
    expect(elsewhere.ok && elsewhere.value.address).toEqual({ line: '臺北市中正區重慶南路一段122號' });
  });

  it('says what is wrong next to each field, in both languages', () => {
    const empty = validateIntake({ ...emptyFields, addressLine: '愛一路1號' });
    expect(!empty.ok && empty.errors).toEqual({
      serviceId: { zh: '請選擇申請項目', en: 'Choose a service' },
      idNumber: { zh: '此欄位必填', en: 'This field is required' },
      name: { zh: '此欄位必填', en: 'This field is required' },
      zip: { zh: '請選擇行政區（郵遞區號）', en: 'Choose the district (postcode)' },
    });
    const resident = validateIntake({ ...base, kind: 'resident' });
    expect(!resident.ok && resident.errors.idNumber).toEqual({ zh: '外籍人士請輸入居留證統一證號', en: 'Enter a resident certificate number' });
  });

  it('wants a mobile phone, in any way it is typed', () => {
    expect(validateIntake({ ...base, phone: '+886 912 345 678' }).ok).toBe(true);
    const landline = validateIntake({ ...base, phone: '02-2423-1234' });
    expect(!landline.ok && landline.errors.phone?.en).toMatch(/mobile/);
  });
});
