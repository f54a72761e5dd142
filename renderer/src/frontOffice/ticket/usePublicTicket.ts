import { useEffect, useState } from 'react';
import { publicTicketSchema, type PublicTicket } from '../../../../shared/schemas/ticketQueue';
import { ApiError, apiRequest } from '../../sync/api';

/** How often an open phone page asks again. */
export const TICKET_POLL_MS = 15_000;
/** After a 429 the page waits out the limiter's window (a minute) before asking again. */
const LIMITED_WAIT_MS = 60_000;

export type TicketState =
  | { kind: 'loading' }
  | { kind: 'found'; ticket: PublicTicket; at: Date }
  | { kind: 'not-found' }
  | { kind: 'unreachable'; last: { ticket: PublicTicket; at: Date } | undefined }
  | { kind: 'limited'; last: { ticket: PublicTicket; at: Date } | undefined };

function lastFound(state: TicketState): { ticket: PublicTicket; at: Date } | undefined {
  if (state.kind === 'found') return { ticket: state.ticket, at: state.at };
  return state.kind === 'unreachable' || state.kind === 'limited' ? state.last : undefined;
}

/**
 * The ticket's state from GET /v1/public/tickets/:id?v=, asked every 15 s while the page is visible
 * and at once when it becomes visible again; a 429 says so and waits a minute. What was last known
 * stays on screen through a failure.
 */
export function usePublicTicket(origin: string, id: string, verifier: string): TicketState {
  const [state, setState] = useState<TicketState>({ kind: 'loading' });

  useEffect(() => {
    let current: TicketState = { kind: 'loading' };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    /** Not asked again before this time (a 429's wait). */
    let notBefore = 0;
    const askIn = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => void ask(), ms);
    };

    async function ask(): Promise<void> {
      const next = await fetchTicketState(origin, id, verifier, lastFound(current));
      if (cancelled) return;
      current = next;
      setState(next);
      if (next.kind === 'limited') notBefore = Date.now() + LIMITED_WAIT_MS;
      // A ticket that is done or past asks no more; a hidden page asks again when it is shown.
      const finished = next.kind === 'found' && (next.ticket.status === 'done' || next.ticket.status === 'no-show');
      if (!finished && !document.hidden) askIn(Math.max(TICKET_POLL_MS, notBefore - Date.now()));
    }

    const onVisible = () => {
      if (!document.hidden) askIn(Math.max(0, notBefore - Date.now()));
    };
    askIn(0);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [origin, id, verifier]);

  return state;
}

/** One ask: the ticket, or why not (kept: what was last known, shown through a failure). */
export async function fetchTicketState(origin: string, id: string, verifier: string, last: ReturnType<typeof lastFound>): Promise<TicketState> {
  try {
    const path = `/v1/public/tickets/${encodeURIComponent(id)}?v=${encodeURIComponent(verifier)}`;
    return { kind: 'found', ticket: await apiRequest({ serverUrl: origin }, 'GET', path, publicTicketSchema), at: new Date() };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { kind: 'not-found' };
    if (error instanceof ApiError && error.status === 429) return { kind: 'limited', last };
    return { kind: 'unreachable', last };
  }
}
