import { RECEIPT_TEXT } from './receiptText';
import { slipWords, type ResultSlipModel } from './resultSlip';

/** The result slip as it prints on the 80 mm roll (the receipt's layout and styles). */
export function ResultSlip({ model, qr }: { model: ResultSlipModel; qr?: string }) {
  return (
    <div className="receipt" data-testid="result-slip" data-case-no={model.caseNo}>
      <p className="receipt-bureau">{RECEIPT_TEXT.bureau}</p>
      <p className="receipt-title">{slipWords('slip.title')}</p>
      <dl>
        <dt>{slipWords('slip.caseNo')}</dt>
        <dd className="receipt-case-no">{model.caseNo}</dd>
        <dt>{slipWords('slip.service')}</dt>
        <dd>
          {model.serviceZh}
          <br />
          {model.serviceEn}
        </dd>
        <dt>{slipWords('slip.completed')}</dt>
        <dd>
          {model.completedRoc} ({model.completedIso})
        </dd>
        <dt>{slipWords('slip.result')}</dt>
        <dd>{slipWords('slip.done')}</dd>
        <dt>{slipWords('slip.applicant')}</dt>
        <dd>
          {model.applicantName} {model.applicantId}
        </dd>
      </dl>
      {qr && <img className="receipt-qr" src={qr} alt={model.progressUrl} width={180} height={180} />}
      <p className="receipt-hint">
        {RECEIPT_TEXT.hintZh} · {RECEIPT_TEXT.hintEn}
      </p>
    </div>
  );
}
