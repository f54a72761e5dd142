import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../../../../shared/schemas/ticketQueue';
import { ApiError, NetworkError } from '../../sync/api';
import { isQueueUnreachable } from './counterQueueModel';
import { actOnTicket, callNext, fetchCounterPlan, fetchCounterQueue, fetchLaneCars, issueLaneTicket, issuePriorityTicket, saveCounterPlan, transferTicket } from './queueApi';

const api = { serverUrl: 'http://server.test', token: 'token-1' };

const ticket = (overrides: Partial<Ticket> = {}): Ticket => ({
  id: '0190f0e0-0000-7000-8000-0000000000a1',
  officeDay: '2026-12-07',
  number: 'A012',
  group: 'A',
  priority: null,
  source: 'kiosk',
  status: 'called',
  issuedAt: '2026-12-07T01:50:00.000Z',
  calledAt: '2026-12-07T01:58:00.000Z',
  finishedAt: null,
  counter: '3號櫃台',
  recalls: 0,
  plate: null,
  caseId: null,
  ...overrides,
});

interface Sent {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

/** The server as a function of the request; every request is recorded, its JSON body parsed. */
function serve(answer: (sent: Sent) => { status: number; body: unknown } | 'network-down'): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', (input: URL | string, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const request: Sent = {
      method: init.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      authorization: new Headers(init.headers).get('authorization'),
    };
    sent.push(request);
    const reply = answer(request);
    if (reply === 'network-down') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } }));
  });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('the counter’s queue calls', () => {
  it('reads the counter’s queue, parsed, with the session’s token', async () => {
    const queue = { day: '2026-12-07', counter: { stationCode: 'KL01', label: '3號櫃台', groups: ['A', 'B'] }, current: ticket(), waiting: [{ group: 'A', count: 4, priority: 1 }] };
    const sent = serve(() => ({ status: 200, body: queue }));
    await expect(fetchCounterQueue(api)).resolves.toEqual(queue);
    expect(sent).toEqual([{ method: 'GET', path: '/v1/queue/counter', body: undefined, authorization: 'Bearer token-1' }]);
  });

  it('calls the next ticket (the lane naming its group), and says when nobody waits', async () => {
    const sent = serve((request) => ({ status: 200, body: { ticket: (request.body as { group?: string }).group === 'L' ? null : ticket() } }));
    await expect(callNext(api)).resolves.toMatchObject({ number: 'A012' });
    await expect(callNext(api, 'L')).resolves.toBeNull();
    expect(sent.map((request) => [request.method, request.path, request.body])).toEqual([
      ['POST', '/v1/queue/call-next', {}],
      ['POST', '/v1/queue/call-next', { group: 'L' }],
    ]);
  });

  it('recalls, marks a no-show, finishes (with the case saved) and transfers a ticket by its id', async () => {
    const sent = serve(() => ({ status: 200, body: { ticket: ticket() } }));
    await actOnTicket(api, ticket().id, 'recall');
    await actOnTicket(api, ticket().id, 'no-show');
    await actOnTicket(api, ticket().id, 'finish');
    await actOnTicket(api, ticket().id, 'finish', '0190f0e0-0000-7000-8000-0000000000c1');
    await transferTicket(api, ticket().id, { group: 'B' });
    await transferTicket(api, ticket().id, { stationCode: 'KL02' });
    const base = `/v1/queue/tickets/${ticket().id}`;
    expect(sent.map((request) => [request.path, request.body])).toEqual([
      [`${base}/recall`, {}],
      [`${base}/no-show`, {}],
      [`${base}/finish`, {}],
      [`${base}/finish`, { caseId: '0190f0e0-0000-7000-8000-0000000000c1' }],
      [`${base}/transfer`, { group: 'B' }],
      [`${base}/transfer`, { stationCode: 'KL02' }],
    ]);
  });

  it('issues a 免抽號 ticket served at once and a lane car’s ticket, each with its own id and verifier', async () => {
    const sent = serve((request) => ({ status: 200, body: { ticket: ticket({ id: (request.body as { ticketId: string }).ticketId }), ahead: 0, followUrl: 'http://server.test/t/x?v=y' } }));
    const priority = await issuePriorityTicket(api, 'B', 'senior');
    await issueLaneTicket(api, 'ABC-1234');
    const [first, second] = sent.map((request) => request.body as Record<string, unknown>);
    expect(first).toMatchObject({ group: 'B', priority: 'senior', serveNow: true });
    expect(second).toMatchObject({ group: 'L', plate: 'ABC-1234' });
    expect(second).not.toHaveProperty('serveNow');
    expect(first?.ticketId).not.toBe(second?.ticketId);
    expect(String(first?.verifier)).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(priority.ticket.id).toBe(first?.ticketId);
  });

  it('reads the lane’s cars and the supervisor’s plan, and sends a plan checked against the contract', async () => {
    const plan = { day: '2026-12-08', counters: [{ stationCode: 'KL01', label: '1號櫃台', groups: ['A' as const] }], stations: [{ stationCode: 'KL01', name: 'Demo counter' }] };
    const sent = serve((request) => ({ status: 200, body: request.path.startsWith('/v1/queue/lane') ? { cars: [ticket({ group: 'L', number: 'L001', plate: 'ABC-1234' })] } : plan }));
    expect((await fetchLaneCars(api)).map((car) => car.plate)).toEqual(['ABC-1234']);
    await expect(fetchCounterPlan(api, '2026-12-08')).resolves.toEqual(plan);
    await saveCounterPlan(api, '2026-12-08', plan.counters);
    expect(sent.map((request) => [request.method, request.path])).toEqual([
      ['GET', '/v1/queue/lane'],
      ['GET', '/v1/queue/counters?day=2026-12-08'],
      ['PUT', '/v1/queue/counters'],
    ]);
    expect(sent[2]?.body).toEqual({ day: '2026-12-08', counters: plan.counters });
    expect(() => saveCounterPlan(api, '2026-12-08', [{ stationCode: 'KL01', label: '', groups: [] }])).toThrow();
  });

  it('refuses an answer that is not the contract’s, and tells a queue away from a refusal', async () => {
    serve(() => ({ status: 200, body: { ticket: { number: 'A012' } } }));
    const bad = await callNext(api).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(ApiError);
    expect(bad).toMatchObject({ code: 'bad_response' });
    expect(isQueueUnreachable(bad)).toBe(false);

    serve(() => 'network-down');
    const down = await fetchCounterQueue(api).catch((error: unknown) => error);
    expect(down).toBeInstanceOf(NetworkError);
    expect(isQueueUnreachable(down)).toBe(true);

    serve(() => ({ status: 503, body: { error: { code: 'unavailable', message: 'busy' } } }));
    expect(isQueueUnreachable(await fetchCounterQueue(api).catch((error: unknown) => error))).toBe(true);

    serve(() => ({ status: 404, body: { error: { code: 'not_found', message: 'Route GET:/v1/queue/counter not found' } } }));
    const missing = await fetchCounterQueue(api).catch((error: unknown) => error);
    expect([isQueueUnreachable(missing, true), isQueueUnreachable(missing)]).toEqual([true, false]);

    serve(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'not your ticket' } } }));
    const refused = await actOnTicket(api, ticket().id, 'recall').catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 403, code: 'forbidden' });
    expect(isQueueUnreachable(refused)).toBe(false);
  });
});
