import type { PriorityReason, QueueGroupCode } from '../../../../shared/domain/queueGroups';
import type { IssuedTicket } from '../../../../shared/schemas/ticketQueue';
import type { KioskApi } from './kioskApi';
import { sendOutcomeOf } from './kioskApi';
import type { KioskClock } from './kioskClock';
import { kioskKeys, type KioskStorage } from './kioskStorage';
import { nextOfflineNumber } from './offlineSeries';
import { addPending, type PendingSender } from './pendingTickets';
import { newTicketId, newTicketVerifier } from './ticketSecrets';

/** What the kiosk prints, from the server's answer or from its own series. */
export interface PrintableTicket {
  ticketId: string;
  number: string;
  group: QueueGroupCode;
  priority: PriorityReason | null;
  issuedAt: string;
  /** Tickets before it at issue; unknown for a ticket printed offline. */
  ahead: number | null;
  followUrl: string;
  offline: boolean;
}

export interface IssueDeps {
  storage: KioskStorage;
  api: Pick<KioskApi, 'issue'>;
  sender: PendingSender;
  clock: Pick<KioskClock, 'now' | 'officeDay'>;
  kioskNo: number;
  /** The server's origin as the kiosk reaches it: the phone page's address until the server names its own. */
  origin: string;
}

/** The server refused to issue (this kiosk's credential, or the request): nothing was printed. */
export class IssueRefused extends Error {
  constructor(readonly reason: unknown, readonly blocked: boolean) {
    super('The server refused to issue the ticket');
    this.name = 'IssueRefused';
  }
}

function followUrlOf(storage: KioskStorage, origin: string, ticketId: string, verifier: string): string {
  const base = storage.getItem(kioskKeys.followBase) ?? origin;
  return `${base}/t/${ticketId}?v=${verifier}`;
}

/** Remembers where the server says phones reach it (PUBLIC_BASE_URL), for the QR codes printed offline. */
function rememberFollowBase(storage: KioskStorage, followUrl: string): void {
  const at = followUrl.indexOf('/t/');
  if (at > 0) storage.setItem(kioskKeys.followBase, followUrl.slice(0, at));
}

function fromServer(issued: IssuedTicket, followUrl: string): PrintableTicket {
  const { ticket } = issued;
  return { ticketId: ticket.id, number: ticket.number, group: ticket.group, priority: ticket.priority, issuedAt: ticket.issuedAt, ahead: issued.ahead, followUrl, offline: false };
}

/**
 * Issues one ticket. Tickets printed offline go first (oldest first), so the server places them before
 * this one; if the server cannot be reached (network, timeout, 5xx), the kiosk numbers the ticket from
 * its own series, keeps it to send later and prints it all the same. The offline ticket gets an id of
 * its own: a request that timed out may still have reached the server, and that ticket's number is not
 * the one printed.
 */
export async function issueKioskTicket(deps: IssueDeps, choice: { group: QueueGroupCode; priority: PriorityReason | null }): Promise<PrintableTicket> {
  const { storage } = deps;
  const flushed = await deps.sender.flush();
  if (flushed.state === 'blocked') throw new IssueRefused(undefined, true);
  if (flushed.state === 'done') {
    const ticketId = newTicketId();
    const verifier = newTicketVerifier();
    try {
      const issued = await deps.api.issue({ ticketId, verifier, group: choice.group, ...(choice.priority ? { priority: choice.priority } : {}) });
      rememberFollowBase(storage, issued.followUrl);
      return fromServer(issued, issued.followUrl);
    } catch (error) {
      const outcome = sendOutcomeOf(error);
      if (outcome.kind === 'blocked' || outcome.kind === 'refused') throw new IssueRefused(error, outcome.kind === 'blocked');
    }
  }
  return issueOffline(deps, choice);
}

function issueOffline(deps: IssueDeps, choice: { group: QueueGroupCode; priority: PriorityReason | null }): PrintableTicket {
  const { storage } = deps;
  const ticketId = newTicketId();
  const verifier = newTicketVerifier();
  const issuedAt = deps.clock.now().toISOString();
  // Both writes happen before the ticket is returned to be printed.
  const number = nextOfflineNumber(storage, { group: choice.group, kioskNo: deps.kioskNo, officeDay: deps.clock.officeDay() });
  addPending(storage, { ticketId, verifier, group: choice.group, ...(choice.priority ? { priority: choice.priority } : {}), offline: { number, issuedAt } });
  return { ticketId, number, group: choice.group, priority: choice.priority, issuedAt, ahead: null, followUrl: followUrlOf(storage, deps.origin, ticketId, verifier), offline: true };
}
