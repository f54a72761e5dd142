import type { CounterQueue, Ticket } from '../../../shared/schemas/ticketQueue';
import { defineStore } from './defineStore';

/** What the counter's queue panel is doing while the server answers; shown as progress. */
export type QueueAction = 'call' | 'recall' | 'no-show' | 'finish' | 'transfer' | 'priority';

/** A case saved with a ticket, as the panel names it. */
export interface TicketCase {
  id: string;
  caseNo: string;
}

export interface CounterQueueState {
  /** Whose counter this is: another person signing in at the station starts from the server's view. */
  owner?: string;
  /** The server's last answer about this counter. */
  queue?: CounterQueue;
  /** Whether the queue server answered the last time it was asked. */
  reach: 'unknown' | 'online' | 'unreachable';
  /**
   * The ticket the counter's intake is open with. It stays after its case is saved (a citizen may
   * bring more than one application) until the clerk calls the next ticket, finishes, transfers it or
   * marks it not come.
   */
  attached?: Ticket;
  /** The cases saved with each ticket, by ticket id. */
  savedCases: Readonly<Record<string, readonly TicketCase[]>>;
  /** The action under way, for its progress; one at a time. */
  busy?: QueueAction;
}

/**
 * The counter's place in the front-office queue (features/queue): kept outside the screen so that
 * leaving the intake tab and coming back finds the same ticket and the intake open with it.
 */
export const useCounterQueue = defineStore<CounterQueueState>(() => ({ reach: 'unknown', savedCases: {} }));
