import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { BothLanguages } from '../../lib/BothLanguages';
import type { TicketLayout } from './ticketLayout';

/**
 * The ticket as printed on the 80 mm roll (kiosk.css's print rules show it alone on the page) and as
 * shown on screen while it prints. `onReady` fires once the QR code is drawn, so the paper never lacks it.
 */
export function PrintedTicket({ layout, onReady }: { layout: TicketLayout; onReady: () => void }) {
  const [qr, setQr] = useState<{ url: string; dataUrl: string }>();
  useEffect(() => {
    let cancelled = false;
    void QRCode.toDataURL(layout.followUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 }).then((dataUrl) => {
      if (!cancelled) setQr({ url: layout.followUrl, dataUrl });
    });
    return () => {
      cancelled = true;
    };
  }, [layout.followUrl]);
  const drawn = qr?.url === layout.followUrl ? qr.dataUrl : undefined;

  return (
    <article className="printed-ticket" aria-label={`${layout.title.zh} ${layout.title.en}`} data-ready={drawn ? 'true' : 'false'}>
      <p className="printed-ticket-bureau">
        <BothLanguages text={layout.bureau} separator=" " />
      </p>
      <p className="printed-ticket-title">
        <BothLanguages text={layout.title} separator=" " />
      </p>
      <p className="printed-ticket-number">{layout.number}</p>
      <p className="printed-ticket-group">
        <BothLanguages text={layout.group} separator=" · " />
      </p>
      {layout.priority && (
        <p className="printed-ticket-line">
          <BothLanguages text={layout.priority} separator=" · " />
        </p>
      )}
      {layout.ahead && (
        <p className="printed-ticket-line">
          <BothLanguages text={layout.ahead} separator=" · " />
        </p>
      )}
      {layout.offline && (
        <p className="printed-ticket-note">
          <BothLanguages text={layout.offline} separator=" " />
        </p>
      )}
      <p className="printed-ticket-line">{layout.issued}</p>
      {drawn && <img className="printed-ticket-qr" src={drawn} alt="" onLoad={onReady} />}
      <p className="printed-ticket-hint">
        <BothLanguages text={layout.hint} separator=" " />
      </p>
    </article>
  );
}
