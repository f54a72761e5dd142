import { describe, expect, it } from 'vitest';
import type { PublicTicket } from '../../../../shared/schemas/ticketQueue';
import { ticketAddress } from './TicketPage';
import { ticketView } from './ticketView';

const waiting: PublicTicket = { number: 'B007', group: 'B', status: 'waiting', ahead: 3, estimatedWaitMinutes: 12, counter: null, issuedAt: '2026-03-02T01:00:00.000Z' };

describe('what the phone page says', () => {
  it('while waiting: how many are ahead and about how long', () => {
    expect(ticketView(waiting)).toEqual({
      headline: { key: 'ticketPage.waiting' },
      urgent: false,
      ahead: { key: 'ticketPage.aheadCount', params: { count: 3 } },
      wait: { key: 'ticketPage.estimate', params: { minutes: 12 } },
    });
    expect(ticketView({ ...waiting, estimatedWaitMinutes: null }).wait).toEqual({ key: 'ticketPage.noEstimate' });
  });

  it('"your number is next" when nobody is ahead', () => {
    expect(ticketView({ ...waiting, ahead: 0 })).toMatchObject({ headline: { key: 'ticketPage.next' }, urgent: true });
  });

  it('"please go to counter X" when called', () => {
    expect(ticketView({ ...waiting, status: 'called', ahead: 0, counter: '3號櫃台' })).toEqual({
      headline: { key: 'ticketPage.goToCounter', params: { counter: '3號櫃台' } },
      urgent: true,
      ahead: null,
      wait: null,
    });
  });

  it('served or passed', () => {
    expect(ticketView({ ...waiting, status: 'done' }).headline.key).toBe('ticketPage.done');
    expect(ticketView({ ...waiting, status: 'no-show' }).headline.key).toBe('ticketPage.noShow');
  });

  it('reads the ticket from the printed address', () => {
    expect(ticketAddress({ pathname: '/t/6f1c1f2e-3d4b-4c5d-8e9f-0a1b2c3d4e5f', search: '?v=abc_DEF-123' })).toEqual({ id: '6f1c1f2e-3d4b-4c5d-8e9f-0a1b2c3d4e5f', verifier: 'abc_DEF-123' });
    expect(ticketAddress({ pathname: '/t/', search: '' })).toEqual({ id: '', verifier: '' });
  });
});
