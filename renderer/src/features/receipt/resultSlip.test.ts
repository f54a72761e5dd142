import { describe, expect, it } from 'vitest';
import { ipcContract } from '../../../../shared/ipc/contract';
import { caseRecordFixture } from '../../testing/caseRecordFixture';
import { resultSlipModel, resultSlipPrintRequest, resultSlipText } from './resultSlip';

const record = caseRecordFixture(3, {
  serviceId: 'GEN-CERT',
  status: 'closed',
  receivedOn: '2026-12-07',
  dueDate: '2026-12-07',
  desk: { unit: 'SERVICE', notes: [], handover: { method: 'on-the-spot', on: '2026-12-07', by: 'clerk' }, closedOn: '2026-12-07' },
});
const serverUrl = 'https://counterdesk.tax.keelung.gov.tw';

describe('the result slip of a case done on the spot', () => {
  it('says what was done and when, in both languages, with only the masked applicant', () => {
    const text = resultSlipText(resultSlipModel(record, serverUrl));
    expect(text.heading).toEqual(['基隆市稅務局 Keelung City Tax Bureau', '辦結單 Result slip', '案件編號 Case no.']);
    expect(text.caseNo).toBe('115-KL01-000003-X');
    const fields = Object.fromEntries(text.fields.map((field) => [field.label, field.value]));
    expect(fields['辦理項目 Service']).toMatch(/^房屋稅籍證明/);
    expect(fields['辦結日期 Completed on']).toBe('中華民國115年12月7日 (2026-12-07)');
    expect(fields['辦理結果 Result']).toBe('已當場辦結交付 Done and handed over at the counter');
    expect(fields['申請人 Applicant']).toBe('王○明 A12345****');
    expect(JSON.stringify(text)).not.toMatch(/王小明|A123456789/);
    expect(text.qrData).toBe('https://counterdesk.tax.keelung.gov.tw/q/115-KL01-000003-X?v=abcdefghijklmnopqrstuv');
  });

  it('goes to the receipt printer, and the host’s contract accepts it', () => {
    const request = resultSlipPrintRequest(resultSlipModel(record, serverUrl), 120);
    expect(request).toMatchObject({ template: 'receipt', pageWidthMm: 80, pageHeightMm: 120 });
    expect(ipcContract['print:print-document'].request.safeParse(request).success).toBe(true);
  });
});
