import { describe, expect, it } from 'vitest';
import { ipcContract } from '../../../../shared/ipc/contract';
import { caseRecordFixture } from '../../testing/caseRecordFixture';
import { receiptModel } from './receiptModel';
import { receiptPrintRequest, receiptText } from './receiptText';

const record = caseRecordFixture(1, {
  checklist: [{ document: 'A', state: 'provided' }],
  receivedOn: '2026-03-02',
  receivedAt: '2026-03-02T02:00:00.000Z',
  dueDate: '2026-03-26',
  clockPauses: [],
});
const serverUrl = 'https://counterdesk.tax.keelung.gov.tw';

describe('the receipt as text (ESC/POS)', () => {
  it('says what the paper says, masked and bilingual, with the progress URL for the QR code', () => {
    const model = receiptModel(record, serverUrl);
    const text = receiptText(model, { paused: false });
    expect(text.heading).toEqual(['基隆市稅務局 Keelung City Tax Bureau', '收執聯 Receipt', '案件編號 Case no.']);
    expect(text.caseNo).toBe('115-KL01-000001-X');
    expect(text.qrData).toBe('https://counterdesk.tax.keelung.gov.tw/q/115-KL01-000001-X?v=abcdefghijklmnopqrstuv');
    const fields = Object.fromEntries(text.fields.map((field) => [field.label, field.value]));
    expect(fields['申請項目 Service']).toBe(`${model.serviceZh} ${model.serviceEn}`);
    expect(model.serviceZh).not.toBe('HT-REGISTER');
    expect(fields['收件日期 Received']).toBe(`${model.receivedRoc} (2026-03-02)`);
    expect(fields['處理期限 Due']).toBe(`${model.dueRoc} (2026-03-26)`);
    expect(fields['申請人 Applicant']).toBe('王○明 A12345****');
    expect(JSON.stringify(text)).not.toMatch(/王小明|A123456789|0912345678/);
    expect(text.footer).toEqual(['掃描 QR Code 查詢案件進度', 'Scan to follow your case']);
  });

  it('says the clock waits for the missing documents instead of a due date while it is paused', () => {
    const text = receiptText(receiptModel(record, serverUrl), { paused: true });
    expect(text.fields.find((field) => field.label === '處理期限 Due')?.value).toBe('補正後起算 · counted once the documents are complete');
  });

  it('clips a long service name to the contract, so the host never refuses the print', () => {
    const model = { ...receiptModel(record, serverUrl), serviceZh: '稅'.repeat(300) };
    const value = receiptText(model, { paused: false }).fields[0]?.value ?? '';
    expect([...value]).toHaveLength(200);
    expect(value.endsWith('…')).toBe(true);
  });
});

describe('the receipt print request', () => {
  it('carries the text with the 80 mm page, and the host’s contract accepts it', () => {
    const request = receiptPrintRequest(receiptModel(record, serverUrl), { paused: false, heightMm: 142 });
    expect(request).toMatchObject({ template: 'receipt', silent: false, pageWidthMm: 80, pageHeightMm: 142 });
    expect(request.receipt?.caseNo).toBe('115-KL01-000001-X');
    const parsed = ipcContract['print:print-document'].request.safeParse(request);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.receipt).toEqual(request.receipt);
  });
});
