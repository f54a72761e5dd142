import { useCallback, useEffect, useState } from 'react';
import type { KioskStatus } from '../../../../shared/schemas/ticketQueue';
import { sendOutcomeOf, type KioskApi } from './kioskApi';
import type { KioskClock } from './kioskClock';
import type { KioskStorage } from './kioskStorage';
import { readPending, readRefused, type PendingSender, type RefusedTicket } from './pendingTickets';

/** How often the kiosk asks the server how many wait (and, offline, whether it answers again). */
export const KIOSK_POLL_MS = 10_000;

export interface KioskConnection {
  status: KioskStatus | undefined;
  /** undefined until the first answer or failure. */
  online: boolean | undefined;
  pending: number;
  refused: RefusedTicket[];
  /** After an issue: what it says about the connection, and the pending count read again. */
  noteIssued: (offline: boolean) => void;
}

interface ConnectionDeps {
  api: KioskApi;
  sender: PendingSender;
  clock: KioskClock;
  storage: KioskStorage;
  onBlocked: () => void;
  onKioskNo: (kioskNo: number) => void;
}

/**
 * Keeps in touch with the server: the waiting counts beside the buttons, the server's clock, and, as
 * soon as the server answers again, the tickets printed offline sent oldest first.
 */
export function useKioskConnection(deps: ConnectionDeps): KioskConnection {
  const { api, sender, clock, storage, onBlocked, onKioskNo } = deps;
  const [status, setStatus] = useState<KioskStatus>();
  const [online, setOnline] = useState<boolean>();
  const [stored, setStored] = useState(() => ({ pending: readPending(storage).length, refused: readRefused(storage) }));
  const readStoredCounts = useCallback(() => setStored({ pending: readPending(storage).length, refused: readRefused(storage) }), [storage]);

  const probe = useCallback(async () => {
    try {
      const answer = await api.status();
      clock.sawServerTime(answer.serverTime);
      setStatus(answer);
      setOnline(true);
      onKioskNo(answer.kioskNo);
      const flushed = await sender.flush();
      if (flushed.state === 'blocked') onBlocked();
    } catch (error) {
      if (sendOutcomeOf(error).kind === 'blocked') onBlocked();
      else setOnline(false);
    }
    readStoredCounts();
  }, [api, sender, clock, onBlocked, onKioskNo, readStoredCounts]);

  useEffect(() => {
    const first = setTimeout(() => void probe(), 0);
    const timer = setInterval(() => void probe(), KIOSK_POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [probe]);

  const noteIssued = useCallback(
    (offline: boolean) => {
      setOnline(!offline);
      readStoredCounts();
    },
    [readStoredCounts],
  );

  return { status, online, pending: stored.pending, refused: stored.refused, noteIssued };
}
