import type { CaseTicket } from '../../../../shared/schemas/ticketQueue';
import { minutesBetween } from './counterQueueModel';
import type { QueueMessageKey } from './useQueueText';

/** A duration as the table says it: under a minute, minutes, or hours and minutes. */
export interface DurationWords {
  key: QueueMessageKey;
  params: Record<string, number>;
}

export function durationWords(minutes: number): DurationWords {
  if (minutes < 1) return { key: 'durationUnderMinute', params: {} };
  if (minutes === 1) return { key: 'durationOneMinute', params: {} };
  if (minutes < 60) return { key: 'durationMinutes', params: { minutes } };
  return { key: 'durationHours', params: { hours: Math.floor(minutes / 60), minutes: minutes % 60 } };
}

/** The citizen's wait (issued → called) and the service (called → the case received), in minutes. */
export function ticketTimes(ticket: CaseTicket, receivedAt: string): { wait: number; service: number } {
  return { wait: minutesBetween(ticket.issuedAt, ticket.calledAt), service: minutesBetween(ticket.calledAt, receivedAt) };
}
