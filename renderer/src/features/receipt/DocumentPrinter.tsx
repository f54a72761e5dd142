import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import QRCode from 'qrcode';
import { getHost } from '../../host/host';
import { useT } from '../../lib/i18n';
import { clockState } from '../notice/deficiency';
import { DeficiencyNotice } from '../notice/DeficiencyNotice';
import { DecisionLetter } from '../letter/DecisionLetter';
import { decisionLetterModel } from '../letter/decisionLetterModel';
import { noticeModel } from '../notice/noticeModel';
import { usePrintJob } from '../../state/printJob';
import { measureHeightMm } from '../../host/pageSize';
import { receiptModel } from './receiptModel';
import { dueText, RECEIPT_TEXT, receiptPrintRequest } from './receiptText';
import { ResultSlip } from './ResultSlip';
import { resultSlipModel, resultSlipPrintRequest } from './resultSlip';

const A4 = { widthMm: 210, heightMm: 297 };

/**
 * Renders the current print job into #print-area (shown only to the printer by the print stylesheet)
 * and hands it to the host: an 80 mm receipt, result slip or A4 decision notice once its QR code is
 * drawn, so the paper never lacks its code, or an A4 deficiency notice. Both A4 papers print on the
 * station's A4 printer (the host's `notice` template); the result slip on the receipt's printer.
 */
export function DocumentPrinter({ serverUrl }: { serverUrl: string }) {
  const t = useT();
  const job = usePrintJob((s) => s.job);
  const [qr, setQr] = useState<{ forUrl: string; dataUrl: string }>();
  const [error, setError] = useState<string>();
  const areaRef = useRef<HTMLDivElement>(null);
  const target = document.getElementById('print-area');
  const receipt = job?.template === 'receipt' ? receiptModel(job.case, serverUrl) : undefined;
  const slip = job?.template === 'result' ? resultSlipModel(job.case, serverUrl) : undefined;
  const notice = job?.template === 'notice' ? noticeModel(job.case) : undefined;
  const letter = job?.template === 'decision' ? decisionLetterModel(job.case, serverUrl) : undefined;
  const paused = job ? clockState(job.case).kind === 'paused' : false;
  const url = (receipt ?? slip ?? letter)?.progressUrl;

  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    void QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 240 }).then((dataUrl) => {
      if (!cancelled) setQr({ forUrl: url, dataUrl });
    });
    return () => {
      cancelled = true;
    };
  }, [url]);

  const ready = job?.template === 'notice' ? notice !== undefined : qr !== undefined && qr.forUrl === url;
  const requestedAt = job?.requestedAt;
  const template = job?.template;
  useEffect(() => {
    if (!ready || requestedAt === undefined || !template || !areaRef.current) return;
    // A receipt or slip also goes as text, which a station printing over ESC/POS prints instead of the page.
    const heightMm = measureHeightMm(areaRef.current);
    const request =
      template === 'receipt' && receipt
        ? receiptPrintRequest(receipt, { paused, heightMm })
        : template === 'result' && slip
          ? resultSlipPrintRequest(slip, heightMm)
          : { template: 'notice' as const, silent: false, pageWidthMm: A4.widthMm, pageHeightMm: A4.heightMm };
    document.body.dataset.printing = request.template;
    void getHost()['print:print-document'](request).then((result) => {
      setError(result.ok ? undefined : `${t('printFailed')}: ${result.message}`);
    });
    // `t` is left out on purpose: a language switch must not print again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, requestedAt, template]);

  if (!target || (!receipt && !slip && !notice && !letter)) return null;
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {createPortal(
        <div ref={areaRef}>
          {notice && <DeficiencyNotice model={notice} />}
          {letter && <DecisionLetter model={letter} qrDataUrl={ready ? qr?.dataUrl : undefined} />}
          {slip && <ResultSlip model={slip} {...(ready && qr ? { qr: qr.dataUrl } : {})} />}
          {receipt && (
            <div className="receipt" data-testid="receipt" data-case-no={receipt.caseNo}>
              <p className="receipt-bureau">{RECEIPT_TEXT.bureau}</p>
              <p className="receipt-title">{RECEIPT_TEXT.title}</p>
              <dl>
                <dt>{RECEIPT_TEXT.caseNo}</dt>
                <dd className="receipt-case-no">{receipt.caseNo}</dd>
                <dt>{RECEIPT_TEXT.service}</dt>
                <dd>
                  {receipt.serviceZh}
                  <br />
                  {receipt.serviceEn}
                </dd>
                <dt>{RECEIPT_TEXT.received}</dt>
                <dd>
                  {receipt.receivedRoc} ({receipt.receivedIso})
                </dd>
                <dt>{RECEIPT_TEXT.due}</dt>
                <dd>{dueText(receipt, paused)}</dd>
                <dt>{RECEIPT_TEXT.applicant}</dt>
                <dd>
                  {receipt.applicantName} {receipt.applicantId}
                </dd>
              </dl>
              {ready && qr && <img className="receipt-qr" src={qr.dataUrl} alt={receipt.progressUrl} width={180} height={180} />}
              <p className="receipt-hint">
                {RECEIPT_TEXT.hintZh} · {RECEIPT_TEXT.hintEn}
              </p>
            </div>
          )}
        </div>,
        target,
      )}
    </>
  );
}
