import type { EscposReceipt, IpcRequest } from '../../../../shared/ipc/contract';
import type { ReceiptModel } from './receiptModel';

/**
 * The receipt as text, for stations whose thermal printer prints over ESC/POS (the host lays it out in
 * the printer's own font and draws the QR code itself). It says what the paper receipt says, with the
 * same masked applicant (王○明, A12345****), in Chinese and English; the QR code holds the same progress
 * URL. Every piece is clipped to the contract's lengths, so a long service name never makes the host
 * refuse the whole print.
 */

export const RECEIPT_WIDTH_MM = 80;

export const RECEIPT_TEXT = {
  bureau: '基隆市稅務局 Keelung City Tax Bureau',
  title: '收執聯 Receipt',
  caseNo: '案件編號 Case no.',
  service: '申請項目 Service',
  received: '收件日期 Received',
  due: '處理期限 Due',
  duePaused: '補正後起算 · counted once the documents are complete',
  applicant: '申請人 Applicant',
  hintZh: '掃描 QR Code 查詢案件進度',
  hintEn: 'Scan to follow your case',
} as const;

const clip = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);

/** What the due line says: the date, or that the clock waits for the missing documents (補正). */
export function dueText(model: Pick<ReceiptModel, 'dueRoc' | 'dueIso'>, paused: boolean): string {
  return paused ? RECEIPT_TEXT.duePaused : `${model.dueRoc} (${model.dueIso})`;
}

export function receiptText(model: ReceiptModel, options: { paused: boolean }): EscposReceipt {
  const field = (label: string, value: string) => ({ label: clip(label, 48), value: clip(value, 200) });
  return {
    heading: [RECEIPT_TEXT.bureau, RECEIPT_TEXT.title, RECEIPT_TEXT.caseNo],
    fields: [
      field(RECEIPT_TEXT.service, `${model.serviceZh} ${model.serviceEn}`),
      field(RECEIPT_TEXT.received, `${model.receivedRoc} (${model.receivedIso})`),
      field(RECEIPT_TEXT.due, dueText(model, options.paused)),
      field(RECEIPT_TEXT.applicant, `${model.applicantName} ${model.applicantId}`),
    ],
    caseNo: model.caseNo,
    qrData: model.progressUrl,
    footer: [RECEIPT_TEXT.hintZh, RECEIPT_TEXT.hintEn],
  };
}

/**
 * The print request for a receipt: the page drawn in the print area (80 mm × its measured height) and,
 * for a station set to ESC/POS, the same receipt as text. The host picks one by the station's setting.
 */
export function receiptPrintRequest(model: ReceiptModel, options: { paused: boolean; heightMm: number }): IpcRequest<'print:print-document'> {
  return {
    template: 'receipt',
    silent: false,
    pageWidthMm: RECEIPT_WIDTH_MM,
    pageHeightMm: options.heightMm,
    receipt: receiptText(model, { paused: options.paused }),
  };
}
