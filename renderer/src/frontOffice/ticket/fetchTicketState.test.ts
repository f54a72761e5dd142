import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicTicket } from '../../../../shared/schemas/ticketQueue';
import { fetchTicketState } from './usePublicTicket';

const ticket: PublicTicket = { number: 'B007', group: 'B', status: 'waiting', ahead: 3, estimatedWaitMinutes: 12, counter: null, issuedAt: '2026-03-02T01:00:00.000Z' };
const last = { ticket, at: new Date('2026-03-02T01:05:00.000Z') };
const id = '6f1c1f2e-3d4b-4c5d-8e9f-0a1b2c3d4e5f';
const answer = (status: number, body: unknown) => vi.stubGlobal('fetch', (url: URL) => {
  asked.push(url.href);
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
});
let asked: string[] = [];

describe("the phone page's ask", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    asked = [];
  });

  it('asks for the ticket with its verifier and reads the answer', async () => {
    answer(200, ticket);
    expect(await fetchTicketState('https://queue.example.tw', id, 'abc_DEF-1234567890', undefined)).toMatchObject({ kind: 'found', ticket });
    expect(asked).toEqual([`https://queue.example.tw/v1/public/tickets/${id}?v=abc_DEF-1234567890`]);
  });

  it('tells a wrong or unknown ticket from too many lookups and from a server away, keeping what was last known', async () => {
    answer(404, { error: { code: 'not_found', message: 'Ticket not found' } });
    expect(await fetchTicketState('https://queue.example.tw', id, 'v', last)).toEqual({ kind: 'not-found' });
    answer(429, { error: { code: 'rate_limited', message: 'Too many requests' } });
    expect(await fetchTicketState('https://queue.example.tw', id, 'v', last)).toEqual({ kind: 'limited', last });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    expect(await fetchTicketState('https://queue.example.tw', id, 'v', last)).toEqual({ kind: 'unreachable', last });
    answer(200, { number: 'B007' });
    expect(await fetchTicketState('https://queue.example.tw', id, 'v', last)).toEqual({ kind: 'unreachable', last });
  });
});
