import type { MessageKey } from '../../lib/i18n';
import type { PublicTicket } from '../../../../shared/schemas/ticketQueue';

export interface Words {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** What the phone page says about a ticket: the headline for its state, then the queue's facts while it waits. */
export interface TicketView {
  headline: Words;
  /** Emphasised: the citizen must act now (go to the counter, be ready). */
  urgent: boolean;
  ahead: Words | null;
  wait: Words | null;
}

export function ticketView(ticket: PublicTicket): TicketView {
  switch (ticket.status) {
    case 'called':
      return { headline: { key: 'ticketPage.goToCounter', params: { counter: ticket.counter ?? '' } }, urgent: true, ahead: null, wait: null };
    case 'done':
      return { headline: { key: 'ticketPage.done' }, urgent: false, ahead: null, wait: null };
    case 'no-show':
      return { headline: { key: 'ticketPage.noShow' }, urgent: false, ahead: null, wait: null };
    case 'waiting':
      return {
        headline: ticket.ahead === 0 ? { key: 'ticketPage.next' } : { key: 'ticketPage.waiting' },
        urgent: ticket.ahead === 0,
        ahead: { key: 'ticketPage.aheadCount', params: { count: ticket.ahead } },
        wait: ticket.estimatedWaitMinutes === null ? { key: 'ticketPage.noEstimate' } : { key: 'ticketPage.estimate', params: { minutes: ticket.estimatedWaitMinutes } },
      };
  }
}
