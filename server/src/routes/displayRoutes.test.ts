import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayCallSchema, displaySnapshotSchema, issuedTicketSchema, publicTicketSchema } from '../../../shared/schemas/ticketQueue';
import type { DisplayCall, IssuedTicket } from '../../../shared/schemas/ticketQueue';
import { buildApp } from '../app';
import { defaultServerConfig } from '../context/config';
import { counterAt, kioskHeaders, ticketRequest } from '../testing/queueFixtures';
import type { Headers } from '../testing/queueFixtures';
import { startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

interface StreamEvent {
  event: string;
  id?: string;
  data: unknown;
}

/** A display connected over a real socket, collecting the events it is sent. */
async function connectDisplay(base: string, lastEventId?: string) {
  const abort = new AbortController();
  const response = await fetch(`${base}/v1/queue/display/events`, { signal: abort.signal, headers: lastEventId ? { 'last-event-id': lastEventId } : {} });
  const events: StreamEvent[] = [];
  let text = '';
  const received = { text: '' };
  const reading = (async () => {
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        const decoded = decoder.decode(chunk.value, { stream: true });
        received.text += decoded;
        text += decoded;
        const blocks = text.split('\n\n');
        text = blocks.pop() ?? '';
        for (const block of blocks) {
          const fields = Object.fromEntries(block.split('\n').filter((line) => !line.startsWith(':')).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
          if (fields.event) events.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data ?? 'null') });
          else if (fields.retry) events.push({ event: 'retry', data: Number(fields.retry) });
        }
      }
    } catch {
      // Aborted by the test.
    }
  })();
  return {
    response,
    events,
    received,
    async until(predicate: (events: StreamEvent[]) => boolean, withinMs: number): Promise<void> {
      const deadline = Date.now() + withinMs;
      while (!predicate(events)) {
        if (Date.now() > deadline) throw new Error(`no such event within ${withinMs} ms: ${JSON.stringify(events)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      abort.abort();
      await reading;
    },
  };
}

const calls = (events: StreamEvent[]): DisplayCall[] => events.filter((e) => e.event === 'call').map((e) => displayCallSchema.parse(e.data));

describe('the hall display and the phone', () => {
  let server: TestServer;
  let base: string;
  let counter: Headers;
  const issue = async (group: 'A' | 'B' | 'L', headers: Headers = kioskHeaders(), extra: object = {}): Promise<IssuedTicket> => {
    const url = headers === kioskHeaders() || headers['authorization'] === undefined ? '/v1/kiosk/tickets' : '/v1/queue/tickets';
    const response = await server.app.inject({ method: 'POST', url, headers, payload: { ...ticketRequest(group), ...extra } });
    expect(response.statusCode, response.body).toBe(200);
    return issuedTicketSchema.parse(response.json());
  };
  const callNext = (group?: string) => server.app.inject({ method: 'POST', url: '/v1/queue/call-next', headers: counter, payload: group ? { group } : {} });

  beforeAll(async () => {
    server = await startTestServer();
    counter = await counterAt(server.db, 'KL01', 'clerk', server.clock.now());
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('sends a display the snapshot, then a call made afterwards within a second', async () => {
    const waiting = await issue('A');
    const display = await connectDisplay(base);
    try {
      expect(display.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await display.until((events) => events.some((e) => e.event === 'snapshot'), 2000);
      expect(display.events[0]).toEqual({ event: 'retry', data: 3000 });
      const snapshot = displaySnapshotSchema.parse(display.events.find((e) => e.event === 'snapshot')?.data);
      expect(snapshot.waiting.find((w) => w.group === 'A')?.count).toBe(1);
      expect((await callNext()).statusCode).toBe(200);
      // From the moment the call is made (answered), the display hears of it within a second.
      const started = Date.now();
      await display.until((events) => calls(events).length > 0, 1000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(calls(display.events)).toEqual([expect.objectContaining({ number: waiting.ticket.number, counter: 'KL01', recall: false })]);
      expect(display.events.find((e) => e.event === 'call')?.id).toBe(String(calls(display.events)[0]?.seq));
    } finally {
      await display.close();
    }
  });

  it('sends a display back with Last-Event-ID the calls it missed', async () => {
    const { rows } = await server.db.query<{ id: number }>('SELECT max(id)::int AS id FROM queue_calls');
    const seen = rows[0]?.id ?? 0;
    const missed = [await issue('B'), await issue('B')];
    await callNext('B');
    await callNext('B');
    const display = await connectDisplay(base, String(seen));
    try {
      await display.until((events) => calls(events).length >= 2, 2000);
      expect(calls(display.events).map((c) => c.number)).toEqual(missed.map((t) => t.ticket.number));
      expect(display.events[1]?.event).toBe('snapshot');
    } finally {
      await display.close();
    }
    const snapshot = displaySnapshotSchema.parse((await server.app.inject({ method: 'GET', url: '/v1/queue/display' })).json());
    expect(snapshot.serving).toEqual([{ counter: 'KL01', number: missed[1]?.ticket.number, group: 'B' }]);
    expect(snapshot.lastCalls[0]?.number).toBe(missed[1]?.ticket.number);
  });

  it("shows the phone its ticket's place without the plate, and 404 for a wrong verifier", async () => {
    await callNext();
    const car = await issue('L', counter, { plate: 'ABC-1234' });
    const url = new URL(car.followUrl);
    expect(url.pathname).toBe(`/t/${car.ticket.id}`);
    const v = url.searchParams.get('v') ?? '';
    const answer = await server.app.inject({ method: 'GET', url: `/v1/public/tickets/${car.ticket.id}?v=${v}` });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).not.toContain('ABC-1234');
    expect(publicTicketSchema.parse(answer.json())).toEqual({ number: 'L001', group: 'L', status: 'waiting', ahead: 0, estimatedWaitMinutes: null, counter: null, issuedAt: car.ticket.issuedAt });
    for (const wrong of [`${car.ticket.id}?v=${'x'.repeat(24)}`, `${car.ticket.id}`, `not-a-ticket?v=${v}`, `6f1c1c3e-2a6b-4c55-8f53-1f6f0e4e9a01?v=${v}`]) {
      expect((await server.app.inject({ method: 'GET', url: `/v1/public/tickets/${wrong}` })).statusCode, wrong).toBe(404);
    }
  });

  it('estimates the wait from the day’s service times and the counters serving the group', async () => {
    // A new office day: the earlier tests' tickets are yesterday's.
    server.clock.advance(24 * 60 * 60 * 1000);
    const served = await issue('A');
    await issue('A');
    await issue('A');
    const mine = await issue('A');
    const v = new URL(mine.followUrl).searchParams.get('v') ?? '';
    const ask = async () => publicTicketSchema.parse((await server.app.inject({ method: 'GET', url: `/v1/public/tickets/${mine.ticket.id}?v=${v}` })).json());
    expect(await callNext('A').then((r) => r.json())).toMatchObject({ ticket: { id: served.ticket.id } });
    // Nothing finished in A yet: no estimate rather than a guess.
    expect(await ask()).toMatchObject({ ahead: 2, estimatedWaitMinutes: null });
    server.clock.advance(6 * 60 * 1000);
    await callNext('A');
    // One ticket ahead, 6 minutes a ticket, one counter serving A.
    expect(await ask()).toMatchObject({ ahead: 1, estimatedWaitMinutes: 6 });
  });

  it('keeps a quiet stream alive with heartbeats, turns away displays past the cap, and ends the streams when the app closes', async () => {
    const second = await buildApp({ db: server.db, config: defaultServerConfig(), now: server.clock.now, displayStreams: { maxStreams: 1, heartbeatMs: 50 } });
    await second.listen({ port: 0, host: '127.0.0.1' });
    const secondBase = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
    const display = await connectDisplay(secondBase);
    await display.until((events) => events.some((e) => e.event === 'snapshot'), 2000);
    const deadline = Date.now() + 1000;
    while (!display.received.text.includes(': heartbeat\n\n') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(display.received.text).toContain(': heartbeat\n\n');
    const refused = await fetch(`${secondBase}/v1/queue/display/events`);
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([503, '30']);
    expect(await refused.json()).toMatchObject({ error: { code: 'unavailable' } });
    const started = Date.now();
    await second.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await display.close();
  });

  it('limits how often one ticket is asked for', async () => {
    const ticket = await issue('B');
    const v = new URL(ticket.followUrl).searchParams.get('v') ?? '';
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      statuses.push((await server.app.inject({ method: 'GET', url: `/v1/public/tickets/${ticket.ticket.id}?v=${v}`, remoteAddress: `10.1.0.${i}` })).statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
