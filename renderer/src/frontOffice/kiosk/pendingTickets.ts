import { z } from 'zod';
import { issueTicketRequestSchema } from '../../../../shared/schemas/ticketQueue';
import { kioskKeys, readStored, writeStored, type KioskStorage } from './kioskStorage';

/**
 * The tickets this kiosk printed from its own series while the server could not be reached, oldest
 * first, until the server accepts each. A ticket is added before it prints and removed only once the
 * server has answered for it, so none is lost; the server recognises a ticket it already holds by its
 * id (the issue is idempotent), so sending one twice issues it once.
 */
export const pendingTicketSchema = issueTicketRequestSchema.extend({ offline: issueTicketRequestSchema.shape.offline.unwrap() });
export type PendingTicket = z.infer<typeof pendingTicketSchema>;

/** A ticket the server refused for good (its number clashes, it is malformed): kept for staff to see. */
export const refusedTicketSchema = z.object({ ticketId: z.string(), number: z.string(), code: z.string(), at: z.string() });
export type RefusedTicket = z.infer<typeof refusedTicketSchema>;

const MAX_REFUSED_KEPT = 50;

export function readPending(storage: KioskStorage): PendingTicket[] {
  return readStored(storage, kioskKeys.pending, z.array(pendingTicketSchema)) ?? [];
}

export function addPending(storage: KioskStorage, ticket: PendingTicket): void {
  const list = readPending(storage).filter((t) => t.ticketId !== ticket.ticketId);
  writeStored(storage, kioskKeys.pending, [...list, pendingTicketSchema.parse(ticket)]);
}

export function removePending(storage: KioskStorage, ticketId: string): void {
  writeStored(storage, kioskKeys.pending, readPending(storage).filter((t) => t.ticketId !== ticketId));
}

export function readRefused(storage: KioskStorage): RefusedTicket[] {
  return readStored(storage, kioskKeys.refused, z.array(refusedTicketSchema)) ?? [];
}

export function addRefused(storage: KioskStorage, ticket: RefusedTicket): void {
  writeStored(storage, kioskKeys.refused, [...readRefused(storage), ticket].slice(-MAX_REFUSED_KEPT));
}

/**
 * What sending one ticket came to: accepted (the server holds it), unreachable (network, timeout,
 * 5xx, 429: try again later, in order), blocked (this kiosk's credential is refused: nothing can be
 * sent until it is enrolled again) or refused for good (a 4xx about the ticket itself).
 */
export type SendOutcome = { kind: 'accepted' } | { kind: 'unreachable' } | { kind: 'blocked' } | { kind: 'refused'; code: string };

export interface FlushResult {
  sent: number;
  refused: number;
  left: number;
  /** done: nothing left; unreachable or blocked: stopped there, the rest kept in order. */
  state: 'done' | 'unreachable' | 'blocked';
}

export interface PendingSender {
  /** Sends the pending tickets oldest first until one cannot be sent; concurrent calls share one run. */
  flush(): Promise<FlushResult>;
}

export function createPendingSender(deps: { storage: KioskStorage; send: (ticket: PendingTicket) => Promise<SendOutcome>; now?: () => Date }): PendingSender {
  const { storage, send } = deps;
  const now = deps.now ?? (() => new Date());
  let running: Promise<FlushResult> | undefined;

  async function run(): Promise<FlushResult> {
    let sent = 0;
    let refused = 0;
    for (;;) {
      const [oldest] = readPending(storage);
      if (!oldest) return { sent, refused, left: 0, state: 'done' };
      const outcome = await send(oldest);
      if (outcome.kind === 'unreachable' || outcome.kind === 'blocked') return { sent, refused, left: readPending(storage).length, state: outcome.kind };
      if (outcome.kind === 'refused') {
        addRefused(storage, { ticketId: oldest.ticketId, number: oldest.offline.number, code: outcome.code, at: now().toISOString() });
        refused += 1;
      } else {
        sent += 1;
      }
      removePending(storage, oldest.ticketId);
    }
  }

  return {
    flush() {
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
