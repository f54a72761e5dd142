/**
 * The counter's and the lane's calls to the front-office queue on the central server
 * (docs/decisions/0036-front-office-queue.md): what the counter serves, calling the next ticket and
 * what follows a call, issuing a ticket at the counter (免抽號) or for a car in the lane, and the
 * supervisor's counters of the day. Online only: the queue lives on the server. Every answer is parsed.
 */
import type { QueueGroupCode, PriorityReason } from '../../../../shared/domain/queueGroups';
import {
  callNextAnswerSchema,
  counterDayListSchema,
  counterPlanSchema,
  counterQueueSchema,
  issuedTicketSchema,
  laneCarsSchema,
  ticketAnswerSchema,
  type CounterDay,
  type CounterPlan,
  type CounterQueue,
  type IssuedTicket,
  type Ticket,
} from '../../../../shared/schemas/ticketQueue';
import { apiRequest, type ApiOptions } from '../../sync/api';
import { newTicketId, ticketVerifier } from './ticketIds';

/** What the counter serves now, its groups and what waits in them. */
export function fetchCounterQueue(api: ApiOptions): Promise<CounterQueue> {
  return apiRequest(api, 'GET', '/v1/queue/counter', counterQueueSchema);
}

/** Finishes the counter's ticket still called and calls the next one of its groups (the lane names L); null when none waits. */
export async function callNext(api: ApiOptions, group?: QueueGroupCode): Promise<Ticket | null> {
  return (await apiRequest(api, 'POST', '/v1/queue/call-next', callNextAnswerSchema, group ? { group } : {})).ticket;
}

export type TicketAction = 'recall' | 'no-show' | 'finish';

/** Calls the ticket again, marks it not come, or finishes it (a question answered; a case where one was saved). */
export async function actOnTicket(api: ApiOptions, ticketId: string, action: TicketAction, caseId?: string): Promise<Ticket> {
  const body = action === 'finish' ? (caseId ? { caseId } : {}) : undefined;
  return (await apiRequest(api, 'POST', `/v1/queue/tickets/${encodeURIComponent(ticketId)}/${action}`, ticketAnswerSchema, body ?? {})).ticket;
}

/** Sends the ticket back to wait, in a group's queue or for one counter, keeping its place. */
export async function transferTicket(api: ApiOptions, ticketId: string, to: { group: QueueGroupCode } | { stationCode: string }): Promise<Ticket> {
  return (await apiRequest(api, 'POST', `/v1/queue/tickets/${encodeURIComponent(ticketId)}/transfer`, ticketAnswerSchema, to)).ticket;
}

/** 免抽號: a priority ticket called at once at this counter, so the citizen is served without drawing a number. */
export function issuePriorityTicket(api: ApiOptions, group: QueueGroupCode, priority: PriorityReason): Promise<IssuedTicket> {
  return apiRequest(api, 'POST', '/v1/queue/tickets', issuedTicketSchema, { ticketId: newTicketId(), verifier: ticketVerifier(), group, priority, serveNow: true });
}

/** A car pulls up in the drive-through lane: a ticket of group L with its plate. */
export function issueLaneTicket(api: ApiOptions, plate: string): Promise<IssuedTicket> {
  return apiRequest(api, 'POST', '/v1/queue/tickets', issuedTicketSchema, { ticketId: newTicketId(), verifier: ticketVerifier(), group: 'L', plate });
}

/** The lane's cars today, waiting and called, with their plates. */
export async function fetchLaneCars(api: ApiOptions): Promise<Ticket[]> {
  return (await apiRequest(api, 'GET', '/v1/queue/lane', laneCarsSchema)).cars;
}

/** The day's counters (each as it stands that day) and the enrolled counter stations a supervisor can plan. */
export function fetchCounterPlan(api: ApiOptions, day?: string): Promise<CounterPlan> {
  return apiRequest(api, 'GET', `/v1/queue/counters${day ? `?day=${encodeURIComponent(day)}` : ''}`, counterPlanSchema);
}

/** Sets every counter of the day at once; the body is checked against the contract before it leaves. */
export function saveCounterPlan(api: ApiOptions, day: string, counters: readonly CounterDay[]): Promise<CounterPlan> {
  return apiRequest(api, 'PUT', '/v1/queue/counters', counterPlanSchema, counterDayListSchema.parse({ day, counters }));
}
