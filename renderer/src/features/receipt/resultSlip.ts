import type { EscposReceipt, IpcRequest } from '../../../../shared/ipc/contract';
import { formatRocLong } from '../../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../../shared/schemas/case';
import { translateBoth, type MessageKey } from '../../lib/i18n';
import { receiptModel, type ReceiptModel } from './receiptModel';
import { RECEIPT_TEXT, RECEIPT_WIDTH_MM } from './receiptText';

/**
 * The result slip (辦結單) of a same-day case done on the spot: the case number, what was done and the
 * day, on the receipt printer's 80 mm roll. Like the receipt it leaves the office, so it shows only the
 * masked applicant, and its QR code opens the same progress page, which now says the case is closed.
 */
export interface ResultSlipModel extends ReceiptModel {
  completedRoc: string;
  completedIso: string;
}

export function resultSlipModel(record: CaseRecord, serverUrl: string): ResultSlipModel {
  const completedIso = record.desk?.closedOn ?? record.receivedOn;
  return { ...receiptModel(record, serverUrl), completedRoc: formatRocLong(completedIso), completedIso };
}

/** A slip's word in both languages, side by side as on all paper the bureau hands out. */
export function slipWords(key: MessageKey): string {
  const { zh, en } = translateBoth(key);
  return `${zh} ${en}`;
}

const clip = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);

/** The slip as text, for a station whose receipt printer prints over ESC/POS. */
export function resultSlipText(model: ResultSlipModel): EscposReceipt {
  const field = (key: MessageKey, value: string) => ({ label: clip(slipWords(key), 48), value: clip(value, 200) });
  return {
    heading: [RECEIPT_TEXT.bureau, clip(slipWords('slip.title'), 64), clip(slipWords('slip.caseNo'), 64)],
    fields: [
      field('slip.service', `${model.serviceZh} ${model.serviceEn}`),
      field('slip.completed', `${model.completedRoc} (${model.completedIso})`),
      field('slip.result', slipWords('slip.done')),
      field('slip.applicant', `${model.applicantName} ${model.applicantId}`),
    ],
    caseNo: model.caseNo,
    qrData: model.progressUrl,
    footer: [RECEIPT_TEXT.hintZh, RECEIPT_TEXT.hintEn],
  };
}

/** The slip goes to the receipt printer: the page drawn in the print area and, for ESC/POS, the text. */
export function resultSlipPrintRequest(model: ResultSlipModel, heightMm: number): IpcRequest<'print:print-document'> {
  return { template: 'receipt', silent: false, pageWidthMm: RECEIPT_WIDTH_MM, pageHeightMm: heightMm, receipt: resultSlipText(model) };
}
