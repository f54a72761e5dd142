import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import QRCode from 'qrcode';
import { findService } from '../../../../shared/domain/catalogue';
import { getHost } from '../../host/host';
import { useT } from '../../lib/i18n';
import { clockState } from '../notice/deficiency';
import { DeficiencyNotice } from '../notice/DeficiencyNotice';
import { noticeModel } from '../notice/noticeModel';
import { usePrintJob } from './printJob';
import { measureHeightMm } from './pageSize';
import { receiptModel } from './receiptModel';
import { getCatalogue } from '../../lib/referenceData';

const RECEIPT_WIDTH_MM = 80;
const A4 = { widthMm: 210, heightMm: 297 };

/**
 * Renders the current print job into #print-area (shown only to the printer by the print stylesheet)
 * and hands it to the host: an 80 mm receipt once its QR code is drawn, so the paper never lacks its
 * code, or an A4 deficiency notice.
 */
export function DocumentPrinter({ serverUrl }: { serverUrl: string }) {
  const t = useT();
  const job = usePrintJob((s) => s.job);
  const [qr, setQr] = useState<{ forUrl: string; dataUrl: string }>();
  const [error, setError] = useState<string>();
  const areaRef = useRef<HTMLDivElement>(null);
  const target = document.getElementById('print-area');
  const receipt = job?.template === 'receipt' ? receiptModel(job.case, serverUrl) : undefined;
  const notice = job?.template === 'notice' ? noticeModel(job.case) : undefined;
  const paused = job ? clockState(job.case, findService(getCatalogue(), job.case.serviceId)).kind === 'paused' : false;
  const url = receipt?.progressUrl;

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
    document.body.dataset.printing = template;
    const size = template === 'receipt' ? { pageWidthMm: RECEIPT_WIDTH_MM, pageHeightMm: measureHeightMm(areaRef.current) } : { pageWidthMm: A4.widthMm, pageHeightMm: A4.heightMm };
    void getHost()['print:print-document']({ template, silent: false, ...size }).then((result) => {
      setError(result.ok ? undefined : `${t('printFailed')}: ${result.message}`);
    });
    // `t` is left out on purpose: a language switch must not print again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, requestedAt, template]);

  if (!target || (!receipt && !notice)) return null;
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
          {receipt && (
            <div className="receipt" data-testid="receipt" data-case-no={receipt.caseNo}>
              <p className="receipt-bureau">基隆市稅務局 Keelung City Tax Bureau</p>
              <p className="receipt-title">收執聯 Receipt</p>
              <dl>
                <dt>案件編號 Case no.</dt>
                <dd className="receipt-case-no">{receipt.caseNo}</dd>
                <dt>申請項目 Service</dt>
                <dd>
                  {receipt.serviceZh}
                  <br />
                  {receipt.serviceEn}
                </dd>
                <dt>收件日期 Received</dt>
                <dd>
                  {receipt.receivedRoc} ({receipt.receivedIso})
                </dd>
                <dt>處理期限 Due</dt>
                <dd>
                  {paused ? (
                    <>
                      補正後起算 · counted once the documents are complete
                    </>
                  ) : (
                    <>
                      {receipt.dueRoc} ({receipt.dueIso})
                    </>
                  )}
                </dd>
                <dt>申請人 Applicant</dt>
                <dd>
                  {receipt.applicantName} {receipt.applicantId}
                </dd>
              </dl>
              {ready && qr && <img className="receipt-qr" src={qr.dataUrl} alt={receipt.progressUrl} width={180} height={180} />}
              <p className="receipt-hint">掃描 QR Code 查詢案件進度 · Scan to follow your case</p>
            </div>
          )}
        </div>,
        target,
      )}
    </>
  );
}
