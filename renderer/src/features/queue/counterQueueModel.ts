/**
 * The counter's queue panel without React: what it shows from the server's answer and the ticket the
 * intake is open with, when the queue counts as unreachable, and what a case keeps of its ticket.
 */
import type { QueueGroupCode } from '../../../../shared/domain/queueGroups';
import type { CaseTicket, CounterQueue, Ticket } from '../../../../shared/schemas/ticketQueue';
import { ApiError, NetworkError } from '../../sync/api';
import type { TicketCase } from '../../state/counterQueue';

/** Whole minutes from one instant to another, never negative (a clock set back must not show "-1"). */
export function minutesBetween(from: string, to: string | number): number {
  const end = typeof to === 'number' ? to : Date.parse(to);
  return Math.max(0, Math.floor((end - Date.parse(from)) / 60_000));
}

/** How long the citizen waited for the ticket to be called: until it was, or until now while it waits. */
export function waitedMinutes(ticket: Pick<Ticket, 'issuedAt' | 'calledAt'>, now: number): number {
  return minutesBetween(ticket.issuedAt, ticket.calledAt ?? now);
}

/** What a case keeps of the ticket its applicant was called with; none for a ticket not called. */
export function caseTicketOf(ticket: Ticket | undefined): CaseTicket | undefined {
  if (!ticket?.calledAt) return undefined;
  return { ticketId: ticket.id, number: ticket.number, issuedAt: ticket.issuedAt, calledAt: ticket.calledAt };
}

/**
 * The queue server is away, rather than refusing: the network or a server fault — and, for a read of
 * the queue (`reading`), a server without the queue (an older one answers its routes 404). The counter
 * then takes cases in without tickets. A 404 of an action is the ticket's, not the queue's.
 */
export function isQueueUnreachable(error: unknown, reading = false): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status >= 500 || error.code === 'unavailable' || (reading && error.code === 'not_found');
  return error instanceof TypeError;
}

export interface WaitingLine {
  group: QueueGroupCode;
  count: number;
  priority: number;
}

/** The waiting counts of the counter's groups, in the counter's order; a group nobody waits in shows 0. */
export function waitingLines(queue: CounterQueue | undefined): WaitingLine[] {
  if (!queue) return [];
  const groups = queue.counter?.groups ?? queue.waiting.map((line) => line.group);
  return groups.map((group) => queue.waiting.find((line) => line.group === group) ?? { group, count: 0, priority: 0 });
}

export interface ServingView {
  /** The ticket shown as served: the server's, else the one the intake still holds. */
  ticket?: Ticket;
  /** The server still has it called at this counter: recall, no-show and transfer apply. */
  called: boolean;
  /** Cases saved with it at this counter. */
  cases: readonly TicketCase[];
}

/** What the panel shows as served now, from the server's current ticket and the intake's. */
export function servingView(queue: CounterQueue | undefined, attached: Ticket | undefined, savedCases: Readonly<Record<string, readonly TicketCase[]>>): ServingView {
  const current = queue?.current ?? undefined;
  const ticket = current ?? attached;
  return { ...(ticket ? { ticket } : {}), called: current?.status === 'called', cases: ticket ? (savedCases[ticket.id] ?? []) : [] };
}

/**
 * The ticket the intake opens with once the server answers: the one it holds, else the server's called
 * ticket of this counter (after a reload, or another tab), unless that one is done with already.
 */
export function ticketToAttach(queue: CounterQueue | undefined, attached: Ticket | undefined): Ticket | undefined {
  if (attached) return attached;
  const current = queue?.current;
  return current?.status === 'called' ? current : undefined;
}

export type PanelActionName = 'call' | 'recall' | 'noShow' | 'finish' | 'transfer' | 'priority';

/**
 * What the clerk can do now: nothing while an action runs or a dialog is open; calling always
 * (also to find out whether the queue is back); recall, no-show and transfer a ticket the server has
 * called here; finish (let go of) any ticket shown; 免抽號 while the queue answers.
 */
export function availableActions(serving: ServingView, reach: 'unknown' | 'online' | 'unreachable', idle: boolean): ReadonlySet<PanelActionName> {
  if (!idle) return new Set();
  const called = serving.called && serving.ticket !== undefined;
  const candidates: [PanelActionName, boolean][] = [
    ['call', true],
    ['recall', called],
    ['noShow', called],
    ['finish', serving.ticket !== undefined],
    ['transfer', called],
    ['priority', reach !== 'unreachable'],
  ];
  return new Set(candidates.flatMap(([name, on]) => (on ? [name] : [])));
}
