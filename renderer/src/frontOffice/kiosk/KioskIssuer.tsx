import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PriorityReason, QueueGroupCode } from '../../../../shared/domain/queueGroups';
import { describeError } from '../../lib/errorText';
import type { Locale } from '../../state/locale';
import type { Translate } from '../pageLanguage';
import { IssueRefused, issueKioskTicket, type PrintableTicket } from './issueKioskTicket';
import { kioskApi, sendPendingTicket } from './kioskApi';
import { createKioskClock } from './kioskClock';
import type { KioskCredential } from './kioskCredential';
import { KioskChoose } from './KioskChoose';
import { KioskPrinted } from './KioskPrinted';
import type { KioskStorage } from './kioskStorage';
import { createPendingSender } from './pendingTickets';
import { useKioskConnection } from './useKioskConnection';

interface IssuerProps {
  t: Translate;
  locale: Locale;
  credential: KioskCredential;
  storage: KioskStorage;
  origin: string;
  /** The server refuses this kiosk's credential: staff must enrol it again. */
  onBlocked: () => void;
  onKioskNo: (kioskNo: number) => void;
  /** The next citizen starts in Chinese. */
  onReset: () => void;
}

type Phase = { kind: 'choose'; busy: boolean } | { kind: 'printed'; ticket: PrintableTicket };

/** A citizen who chose English or a priority and walked away: the next one starts afresh after this. */
const IDLE_RESET_MS = 60_000;

/** The enrolled kiosk: choose, issue (online or from its own series), print, start over. */
export function KioskIssuer({ t, locale, credential, storage, origin, onBlocked, onKioskNo, onReset }: IssuerProps) {
  const api = useMemo(() => kioskApi(origin, credential), [origin, credential]);
  const clock = useMemo(() => createKioskClock(), []);
  const sender = useMemo(() => createPendingSender({ storage, send: (ticket) => sendPendingTicket(api, ticket), now: clock.now }), [storage, api, clock]);
  const connection = useKioskConnection({ api, sender, clock, storage, onBlocked, onKioskNo });
  const [phase, setPhase] = useState<Phase>({ kind: 'choose', busy: false });
  const [priority, setPriority] = useState<PriorityReason | null>(null);
  const [error, setError] = useState<string>();

  async function choose(group: QueueGroupCode) {
    setPhase({ kind: 'choose', busy: true });
    setError(undefined);
    try {
      const ticket = await issueKioskTicket({ storage, api, sender, clock, kioskNo: credential.kioskNo, origin }, { group, priority });
      connection.noteIssued(ticket.offline);
      setPhase({ kind: 'printed', ticket });
    } catch (caught) {
      setPhase({ kind: 'choose', busy: false });
      if (caught instanceof IssueRefused && caught.blocked) onBlocked();
      else setError(describeError(locale, caught instanceof IssueRefused ? caught.reason : caught));
    }
  }

  const done = useCallback(() => {
    setPhase({ kind: 'choose', busy: false });
    setPriority(null);
    setError(undefined);
    onReset();
  }, [onReset]);

  const leftChosen = phase.kind === 'choose' && !phase.busy && (locale !== 'zh-TW' || priority !== null);
  useEffect(() => {
    if (!leftChosen) return;
    const timer = setTimeout(done, IDLE_RESET_MS);
    return () => clearTimeout(timer);
  }, [leftChosen, locale, priority, done]);

  return (
    <>
      {phase.kind === 'printed' ? (
        <KioskPrinted t={t} ticket={phase.ticket} onDone={done} />
      ) : (
        <KioskChoose t={t} locale={locale} status={connection.status} priority={priority} busy={phase.busy} onPriority={setPriority} onChoose={(group) => void choose(group)} />
      )}
      {error && (
        <p className="kiosk-error" role="alert">
          {error}
        </p>
      )}
      <KioskFooter t={t} connection={connection} />
    </>
  );
}

function KioskFooter({ t, connection }: { t: Translate; connection: ReturnType<typeof useKioskConnection> }) {
  const offline = connection.online === false || connection.pending > 0;
  return (
    <footer className="kiosk-footer">
      <p role="status" className="kiosk-offline">
        {offline ? t('kiosk.offlineNote', { count: connection.pending }) : ''}
      </p>
      {connection.refused.length > 0 && <p className="kiosk-warning">{t('kiosk.refusedNote', { numbers: connection.refused.map((r) => r.number).join(', ') })}</p>}
    </footer>
  );
}
