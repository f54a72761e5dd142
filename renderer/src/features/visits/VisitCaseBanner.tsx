import type { Bilingual } from '../../../../shared/domain/bilingual';
import type { ReceiptMethod } from '../../../../shared/schemas/visit';
import type { LocalCase } from '../../db/records';
import { FieldError } from '../../lib/FieldError';
import { useT } from '../../lib/i18n';
import { useVisitText } from './useVisitText';

export interface VisitCaseBannerProps {
  made: LocalCase;
  finished: boolean;
  receipt: ReceiptMethod | undefined;
  onReceipt: (receipt: ReceiptMethod) => void;
  hasMobile: boolean;
  receiptError?: Bilingual;
  printed: boolean;
  onPrint: () => void;
  onOpenCase: () => void;
  onDone: () => void;
  onNotDone: () => void;
}

/** The case the visit made: open it to capture and sign, choose how the receipt is given, end the visit. */
export function VisitCaseBanner({ made, finished, receipt, onReceipt, hasMobile, receiptError, printed, onPrint, onOpenCase, onDone, onNotDone }: VisitCaseBannerProps) {
  const t = useT();
  const v = useVisitText();
  return (
    <section className="saved-banner" aria-labelledby="visit-case-title">
      <h3 id="visit-case-title">{v('caseMade', { caseNo: made.caseNo })}</h3>
      <div className="button-row">
        <button type="button" onClick={onOpenCase}>
          {v('captureAndSign')}
        </button>
      </div>
      {!finished && (
        <>
          <fieldset aria-describedby={receiptError ? 'visit-receipt-error' : undefined}>
            <legend>{v('receiptTitle')}</legend>
            <span className="radio">
              <input id="visit-receipt-printed" type="radio" name="visit-receipt" checked={receipt === 'printed'} onChange={() => onReceipt('printed')} />
              <label htmlFor="visit-receipt-printed">{v('printReceipt')}</label>
            </span>
            <span className="radio">
              <input id="visit-receipt-sms" type="radio" name="visit-receipt" checked={receipt === 'sms'} onChange={() => onReceipt('sms')} />
              <label htmlFor="visit-receipt-sms">{v('smsReceipt')}</label>
            </span>
            {!hasMobile && <p className="warning">{v('smsNeedsMobile')}</p>}
            <FieldError id="visit-receipt-error" message={receiptError} />
          </fieldset>
          <div className="button-row">
            {receipt === 'printed' && (
              <button type="button" onClick={onPrint}>
                {t('printReceipt')}
              </button>
            )}
            {printed && <span role="status">{v('receiptPrinted')}</span>}
            <button type="button" onClick={onDone}>
              {v('markDone')}
            </button>
            <button type="button" onClick={onNotDone}>
              {v('markNotDone')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
