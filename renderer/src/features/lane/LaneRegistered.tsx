import { useMemo, useState } from 'react';
import { findService } from '../../../../shared/domain/catalogue';
import { recordAudit } from '../../db/auditStore';
import type { LocalCase } from '../../db/records';
import { useDescribeError } from '../../lib/errorText';
import { useT } from '../../lib/i18n';
import { getCatalogue } from '../../lib/referenceData';
import { useAltShortcuts } from '../../lib/shortcuts';
import { useLocale } from '../../state/locale';
import { usePrintJob } from '../../state/printJob';
import { useSession } from '../../state/sessionState';
import { CaseDocuments } from '../documents/CaseDocuments';
import { missingDocuments } from '../notice/deficiency';
import { caseContentToSign } from '../signature/signatureBinding';
import { SignaturePanel } from '../signature/SignaturePanel';

interface Props {
  record: LocalCase;
  /** The receipt went to the printer: the car leaves the lane. */
  onPrinted: (record: LocalCase) => Promise<void>;
}

/**
 * A registered car's last steps at the window: the scanned documents, the applicant's signature, the
 * receipt. A same-day case already done on the spot (its result slip printed) needs no receipt: once
 * signed, finishing lets the car go.
 */
export function LaneRegistered({ record, onPrinted }: Props) {
  const t = useT();
  const describeError = useDescribeError();
  const locale = useLocale((s) => s.locale);
  const username = useSession((s) => s.session?.user.username ?? '');
  const { printReceipt, printNotice } = usePrintJob();
  const [scanned, setScanned] = useState(0);
  const [signed, setSigned] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [printError, setPrintError] = useState<string>();
  const contentToSign = useMemo(() => caseContentToSign(record), [record]);
  const doneOnSpot = record.desk?.handover?.method === 'on-the-spot';

  async function print() {
    if (!signed || printing) return;
    setPrinting(true);
    setPrintError(undefined);
    try {
      if (!doneOnSpot) {
        printReceipt(record);
        await recordAudit(record.id, username, 'printed-receipt');
      }
      await onPrinted(record);
    } catch (error) {
      // The receipt is in the printer's hands; only leaving the list failed, and the clerk can print again.
      setPrintError(describeError(error));
    } finally {
      setPrinting(false);
    }
  }

  function printDeficiency() {
    if (!record.deficiency) return;
    printNotice(record);
    void recordAudit(record.id, username, 'printed-notice');
  }

  useAltShortcuts({
    p: signed ? () => void print() : undefined,
    d: record.deficiency ? printDeficiency : undefined,
  });

  return (
    <>
      <div className="lane-registered" role="status">
        <p>
          <strong>{t('laneRegistered', { caseNo: record.caseNo })}</strong>
        </p>
        <p>
          {record.applicant.name} {record.applicant.idNumber} · {findService(getCatalogue(), record.serviceId)?.[locale === 'en' ? 'nameEn' : 'nameZh'] ?? record.serviceId}
          {record.deficiency ? ` · ${t('missingSummary', { count: missingDocuments(record.checklist).length })}` : ''}
        </p>
        {doneOnSpot && <p data-testid="done-on-spot">{t('spot.closed')}</p>}
      </div>
      <section className="lane-step" aria-labelledby="lane-step-scan">
        {/* Focused when the car is registered (LaneFlow), so the next keys land in this step. */}
        <h4 id="lane-step-scan" tabIndex={-1}>
          {t('laneStepScan')} <span className="hint small">{t('laneScanned', { count: scanned })}</span>
        </h4>
        <CaseDocuments caseId={record.id} checklist={record.checklist} onChange={(docs) => setScanned(docs.length)} />
      </section>
      <section className="lane-step" aria-labelledby="lane-step-sign">
        <h4 id="lane-step-sign">{t('laneStepSign')}</h4>
        <SignaturePanel caseId={record.id} contentToSign={contentToSign} onCoverageChange={setSigned} />
      </section>
      <section className="lane-step" aria-labelledby="lane-step-print">
        <h4 id="lane-step-print">{doneOnSpot ? t('spot.laneStepFinish') : t('laneStepPrint')}</h4>
        {!signed && (
          <p id="lane-sign-first" className="warning">
            {t('laneSignFirst')}
          </p>
        )}
        {printError && (
          <p role="alert" className="error">
            {printError}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="lane-big lane-primary" disabled={!signed || printing} aria-describedby={signed ? undefined : 'lane-sign-first'} aria-keyshortcuts="Alt+P" onClick={() => void print()}>
            {doneOnSpot ? t('spot.laneFinish') : t('printReceipt')} <kbd>Alt+P</kbd>
          </button>
          {record.deficiency && (
            <button type="button" className="lane-big" aria-keyshortcuts="Alt+D" onClick={printDeficiency}>
              {t('printNotice')} <kbd>Alt+D</kbd>
            </button>
          )}
        </div>
      </section>
    </>
  );
}
