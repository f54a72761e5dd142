import { describe, expect, it } from 'vitest';
import type { CounterQueue, Ticket } from '../../../../shared/schemas/ticketQueue';
import { caseTicketOf, minutesBetween, servingView, ticketToAttach, waitedMinutes, waitingLines } from './counterQueueModel';
import { durationWords, ticketTimes } from './ticketTimes';
import { transferTarget } from './transferTarget';

const ticket = (overrides: Partial<Ticket> = {}): Ticket => ({
  id: '0190f0e0-0000-7000-8000-0000000000a1',
  officeDay: '2026-12-07',
  number: 'A012',
  group: 'A',
  priority: null,
  source: 'kiosk',
  status: 'called',
  issuedAt: '2026-12-07T01:50:00.000Z',
  calledAt: '2026-12-07T01:58:30.000Z',
  finishedAt: null,
  counter: '3號櫃台',
  recalls: 0,
  plate: null,
  caseId: null,
  ...overrides,
});

const queue = (overrides: Partial<CounterQueue> = {}): CounterQueue => ({
  day: '2026-12-07',
  counter: { stationCode: 'KL01', label: '3號櫃台', groups: ['B', 'A'] },
  current: null,
  waiting: [{ group: 'A', count: 3, priority: 1 }],
  ...overrides,
});

describe('the counter’s queue panel', () => {
  it('counts whole minutes, never below zero', () => {
    expect(minutesBetween('2026-12-07T01:50:00.000Z', '2026-12-07T01:58:59.000Z')).toBe(8);
    expect(minutesBetween('2026-12-07T01:50:00.000Z', '2026-12-07T01:40:00.000Z')).toBe(0);
    expect(waitedMinutes(ticket(), Date.parse('2026-12-07T03:00:00.000Z'))).toBe(8);
    expect(waitedMinutes(ticket({ calledAt: null, status: 'waiting' }), Date.parse('2026-12-07T02:05:00.000Z'))).toBe(15);
  });

  it('shows every group of the counter in its order, a group nobody waits in as 0', () => {
    expect(waitingLines(queue())).toEqual([
      { group: 'B', count: 0, priority: 0 },
      { group: 'A', count: 3, priority: 1 },
    ]);
    expect(waitingLines(queue({ counter: null, waiting: [{ group: 'C', count: 2, priority: 0 }] }))).toEqual([{ group: 'C', count: 2, priority: 0 }]);
    expect(waitingLines(undefined)).toEqual([]);
  });

  it('serves the server’s called ticket; a ticket its case finished stays shown, no longer called, with its cases', () => {
    const called = ticket();
    const saved = { [called.id]: [{ id: 'c1', caseNo: '115-KL01-000012-X' }] };
    expect(servingView(queue({ current: called }), called, {})).toEqual({ ticket: called, called: true, cases: [] });
    expect(servingView(queue(), called, saved)).toEqual({ ticket: called, called: false, cases: saved[called.id] });
    expect(servingView(queue(), undefined, saved)).toEqual({ called: false, cases: [] });
  });

  it('opens the intake with the server’s called ticket after a reload, never with one done', () => {
    const called = ticket();
    expect(ticketToAttach(queue({ current: called }), undefined)).toBe(called);
    expect(ticketToAttach(queue({ current: ticket({ status: 'done' }) }), undefined)).toBeUndefined();
    const held = ticket({ id: '0190f0e0-0000-7000-8000-0000000000a2', number: 'A011' });
    expect(ticketToAttach(queue({ current: called }), held)).toBe(held);
  });

  it('gives a case the ticket’s id, number, issue and call; nothing for a ticket not called', () => {
    expect(caseTicketOf(ticket())).toEqual({ ticketId: ticket().id, number: 'A012', issuedAt: '2026-12-07T01:50:00.000Z', calledAt: '2026-12-07T01:58:30.000Z' });
    expect(caseTicketOf(ticket({ calledAt: null, status: 'waiting' }))).toBeUndefined();
    expect(caseTicketOf(undefined)).toBeUndefined();
  });

  it('puts a case’s wait and service time in words', () => {
    const times = ticketTimes({ ticketId: ticket().id, number: 'A012', issuedAt: '2026-12-07T01:50:00.000Z', calledAt: '2026-12-07T02:58:00.000Z' }, '2026-12-07T03:03:20.000Z');
    expect(times).toEqual({ wait: 68, service: 5 });
    expect(durationWords(times.wait)).toEqual({ key: 'durationHours', params: { hours: 1, minutes: 8 } });
    expect(durationWords(times.service)).toEqual({ key: 'durationMinutes', params: { minutes: 5 } });
    expect(durationWords(1).key).toBe('durationOneMinute');
    expect(durationWords(0).key).toBe('durationUnderMinute');
  });

  it('transfers to a group, or to a counter named by a station code it can be', () => {
    expect(transferTarget('group', 'B', 'anything')).toEqual({ group: 'B' });
    expect(transferTarget('counter', 'B', ' kl02 ')).toEqual({ stationCode: 'KL02' });
    expect(transferTarget('counter', 'B', '')).toBeUndefined();
    expect(transferTarget('counter', 'B', 'KL-02')).toBeUndefined();
  });
});
