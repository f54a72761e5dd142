import { findService } from '../../../../shared/domain/catalogue';
import { applicantPresent } from '../../../../shared/domain/intakeChannel';
import { formatPhone } from '../../../../shared/domain/phone';
import { formatRocLong } from '../../../../shared/domain/rocDate';
import { recordAudit } from '../../db/auditStore';
import type { LocalCase } from '../../db/records';
import { getCustomerDisplay } from '../../lib/customerDisplay';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { useAltShortcuts } from '../../lib/shortcuts';
import { useLocale } from '../../state/locale';
import { usePrintJob } from '../../state/printJob';
import { useSession } from '../../state/sessionState';
import { useResultSlip } from '../receipt/useResultSlip';

/**
 * The case just saved at the counter: its number, the paused clock when documents are missing, and
 * its prints — the receipt (Alt+P), which also asks the citizen for a rating on the customer display,
 * and the deficiency notice (Alt+D). A case done on the spot says so and reprints its result slip. No
 * one at the counter takes a receipt for a phone call (the received SMS carries the progress link) or
 * for a case the bureau opened itself, so none is offered.
 */
export function SavedBanner({ saved }: { saved: LocalCase }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const username = useSession((s) => s.session?.user.username ?? '');
  const { printReceipt, printNotice } = usePrintJob();
  const printResultSlip = useResultSlip();
  const receipt = applicantPresent(saved.channel);
  const doneOnSpot = saved.desk?.handover?.method === 'on-the-spot';
  const slip = doneOnSpot && findService(getCatalogue(), saved.serviceId)?.resultSlip === true;

  function onPrintReceipt() {
    printReceipt(saved);
    void recordAudit(saved.id, username, 'printed-receipt');
    getCustomerDisplay().send({ type: 'feedback', locale, caseId: saved.id, caseNo: saved.caseNo });
  }

  function onPrintNotice() {
    if (!saved.deficiency) return;
    printNotice(saved);
    void recordAudit(saved.id, username, 'printed-notice');
  }

  useAltShortcuts({ p: receipt ? onPrintReceipt : undefined, d: saved.deficiency ? onPrintNotice : undefined });

  return (
    <section className="saved-banner" aria-labelledby="saved-title">
      <div role="status">
        <h2 id="saved-title">{t('saved', { caseNo: saved.caseNo })}</h2>
        {doneOnSpot && <p data-testid="done-on-spot">{t('spot.closed')}</p>}
        {saved.channel === 'phone' && <p>{t('intake.receiptBySms', { phone: formatPhone(saved.applicant.phone) })}</p>}
        {saved.channel === 'bureau' && <p>{t('intake.noReceiptForBureau')}</p>}
      </div>
      {saved.deficiency && (
        <p>
          {t('status.awaiting-documents')} · {t('clockPausedSince', { date: formatRocLong(saved.receivedOn) })} · {t('supplementBy')}: {formatRocLong(saved.deficiency.supplementBy)}
        </p>
      )}
      <div className="button-row">
        {receipt && (
          <button type="button" autoFocus onClick={onPrintReceipt} aria-keyshortcuts="Alt+P">
            {t('printReceipt')} <kbd>Alt+P</kbd>
          </button>
        )}
        {slip && (
          <button type="button" onClick={() => printResultSlip(saved)}>
            {t('spot.reprintSlip')}
          </button>
        )}
        {saved.deficiency && (
          <button type="button" onClick={onPrintNotice} aria-keyshortcuts="Alt+D">
            {t('printNotice')} <kbd>Alt+D</kbd>
          </button>
        )}
      </div>
    </section>
  );
}
