import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue, findService } from '../../shared/domain/catalogue';
import type { Service } from '../../shared/domain/catalogue';
import { findFormTemplate } from '../../shared/domain/formTemplates';
import { checkFormFields, formValues } from '../../shared/domain/formValues';
import { inkedShare, pdfText } from './support/pdfProbe';
import { renderFormPdf } from '../../shared/pdf/renderFormPdf';

const font = new Uint8Array(readFileSync(fileURLToPath(new URL('../../shared/fonts/NotoSansCJKtc-Regular-Big5.ttf', import.meta.url))));
const applicant = { name: '林淑芬', idNumber: 'F223456789', address: '基隆市中正區義一路1號3樓之2', phone: '0224201122' };

function serviceWithForm(id: string): Service & { form: NonNullable<Service['form']> } {
  const service = findService(defaultCatalogue, id);
  if (!service?.form) throw new Error(`${id} has no form`);
  return { ...service, form: service.form };
}

async function prefilled(id: string, entered: Record<string, string>): Promise<{ pdf: Uint8Array; text: string }> {
  const service = serviceWithForm(id);
  const checked = checkFormFields(service.form.fields, entered);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const template = findFormTemplate(service.form.templateId);
  if (!template) throw new Error(`no template ${service.form.templateId}`);
  const pdf = await renderFormPdf(template, formValues(service, applicant, '2026-12-07', checked.values), font);
  // pdftotext keeps a wide gap between characters of a spaced line; compare without spaces.
  return { pdf, text: pdfText(pdf).replace(/\s+/g, '') };
}

const applicantPrinted = ['林淑芬', 'F223456789', '基隆市中正區義一路1號3樓之2', '0224201122', '中華民國115年12月7日'];

describe('pre-filled application forms', () => {
  it('print the intake and the self-use land value tax fields', async () => {
    const { text } = await prefilled('LVT-SELF-USE', { landLocation: '中正區中正段一小段123地號', householdRegisteredOn: '2019-05-01', landArea: '86.5' });
    for (const value of [...applicantPrinted, '地價稅自用住宅用地申請書', '中正區中正段一小段123地號', '中華民國108年5月1日', '86.5']) expect(text).toContain(value);
  });

  it('print the house tax use change with its chosen use', async () => {
    const { text } = await prefilled('HT-USE-CHANGE', { houseTaxNo: '07010203040', useChangedOn: '2026-11-30', newUse: '出租' });
    for (const value of [...applicantPrinted, '房屋使用情形變更申報書', '07010203040', '中華民國115年11月30日', '出租']) expect(text).toContain(value);
  });

  it('print the certificate application', async () => {
    const { text } = await prefilled('GEN-CERT', { certificateKind: '無欠稅證明', taxYears: '113-115', copies: '2' });
    for (const value of [...applicantPrinted, '申請核發證明書', '無欠稅證明', '113-115']) expect(text).toContain(value);
  });

  it('inks the applicant box where the template puts it, and leaves it white on the blank form', async () => {
    const template = findFormTemplate('gen-cert');
    const nameBox = template?.boxes.find((b) => b.field === 'applicantName');
    if (!template || !nameBox) throw new Error('gen-cert has no name box');
    const { pdf } = await prefilled('GEN-CERT', { certificateKind: '納稅證明', taxYears: '115' });
    expect(inkedShare(pdf, nameBox)).toBeGreaterThan(0.01);
    expect(inkedShare(await renderFormPdf(template, {}, font), nameBox)).toBe(0);
  });

  it('embeds only the glyphs used, so a form stays small', async () => {
    const { pdf } = await prefilled('GEN-CERT', { certificateKind: '納稅證明', taxYears: '115' });
    expect(pdf.byteLength).toBeLessThan(200_000);
  });
});
