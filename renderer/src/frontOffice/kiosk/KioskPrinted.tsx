import { useEffect, useMemo, useState } from 'react';
import type { Translate } from '../pageLanguage';
import type { PrintableTicket } from './issueKioskTicket';
import { PrintedTicket } from './PrintedTicket';
import { ticketLayout } from './ticketLayout';

/** How long the printed ticket stays on screen before the kiosk is ready for the next citizen. */
const SHOWN_MS = 12_000;

/**
 * The ticket just issued: printed once its QR code is drawn (the kiosk's Chromium prints silently with
 * --kiosk-printing), shown meanwhile, then the kiosk starts over for the next citizen.
 */
export function KioskPrinted({ t, ticket, onDone }: { t: Translate; ticket: PrintableTicket; onDone: () => void }) {
  const layout = useMemo(() => ticketLayout(ticket), [ticket]);
  const [printed, setPrinted] = useState(false);
  useEffect(() => {
    if (!printed) return;
    const timer = setTimeout(onDone, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [printed, onDone]);

  function print() {
    if (printed) return;
    setPrinted(true);
    window.print();
  }

  return (
    <main className="kiosk-main kiosk-printed" aria-labelledby="kiosk-printed-title">
      <h1 id="kiosk-printed-title">{t('kiosk.takeTicket')}</h1>
      <p className="kiosk-printed-number" role="status">
        {t('kiosk.yourNumber', { number: ticket.number })}
      </p>
      <PrintedTicket layout={layout} onReady={print} />
      <button type="button" className="kiosk-done" onClick={onDone}>
        {t('kiosk.done')}
      </button>
    </main>
  );
}
