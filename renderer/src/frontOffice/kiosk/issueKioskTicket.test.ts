import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ticketVerifierSchema } from '../../../../shared/schemas/ticketQueue';
import { uuidSchema } from '../../../../shared/schemas/primitives';
import { FakeKioskServer, memoryStorage, SERVER } from '../../testing/fakeKioskServer';
import { IssueRefused, issueKioskTicket, type IssueDeps } from './issueKioskTicket';
import { kioskApi, sendPendingTicket } from './kioskApi';
import { createKioskClock } from './kioskClock';
import { kioskKeys } from './kioskStorage';
import { createPendingSender, readPending, readRefused } from './pendingTickets';

const credential = { deviceId: 'kiosk-0a1b2c3d4e', deviceSecret: 'k'.repeat(43), name: 'Entrance', kioskNo: 1 };

describe('the kiosk issues online, and from its own series when the server is away', () => {
  let server: FakeKioskServer;
  let storage: ReturnType<typeof memoryStorage>;
  let wall: number;

  function deps(): IssueDeps {
    const api = kioskApi(SERVER, credential);
    const clock = createKioskClock(() => wall);
    return { storage, api, clock, kioskNo: 1, origin: SERVER, sender: createPendingSender({ storage, send: (ticket) => sendPendingTicket(api, ticket) }) };
  }
  const issue = (d: IssueDeps, group: 'A' | 'B' = 'A') => issueKioskTicket(d, { group, priority: null });

  beforeEach(() => {
    server = new FakeKioskServer();
    storage = memoryStorage();
    // 2026-03-02 09:00 in Taipei.
    wall = Date.parse('2026-03-02T01:00:00.000Z');
    vi.stubGlobal('fetch', server.fetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("prints the server's number online, with the phone page's address the server names", async () => {
    const ticket = await issue(deps());
    expect(ticket).toMatchObject({ number: 'A001', offline: false, ahead: 0 });
    expect(ticket.followUrl).toMatch(/^https:\/\/queue\.example\.tw\/t\/[0-9a-f-]{36}\?v=[A-Za-z0-9_-]{32}$/);
    expect(uuidSchema.safeParse(ticket.ticketId).success).toBe(true);
    expect(readPending(storage)).toEqual([]);
    expect(storage.getItem(kioskKeys.followBase)).toBe('https://queue.example.tw');
  });

  it('numbers from its own series per group when the network is down or the server fails, written before the ticket is printed', async () => {
    const d = deps();
    await issue(d);
    server.mode = 'down';
    const first = await issue(d);
    expect(first).toMatchObject({ number: 'A1-001', offline: true, ahead: null });
    // On disk the moment the ticket is handed over to be printed: a power cut now cannot print A1-001 again.
    expect(JSON.parse(storage.getItem(kioskKeys.series) ?? '')).toEqual({ day: '2026-03-02', last: { A: 1 } });
    expect(readPending(storage).map((t) => t.offline.number)).toEqual(['A1-001']);
    // The QR code of an offline ticket opens the phone page where the server said phones reach it.
    expect(first.followUrl.startsWith('https://queue.example.tw/t/')).toBe(true);
    server.mode = 'error';
    expect((await issue(d)).number).toBe('A1-002');
    expect((await issue(d, 'B')).number).toBe('B1-001');
    expect(readPending(storage).map((t) => t.offline.number)).toEqual(['A1-001', 'A1-002', 'B1-001']);
    expect(server.tickets.size).toBe(1);
  });

  it('sends the offline tickets oldest first when the server answers again, each once, before a new ticket', async () => {
    const d = deps();
    server.mode = 'down';
    const offline = [await issue(d), await issue(d), await issue(d, 'B')];
    server.mode = 'up';
    const online = await issue(d);
    expect(server.received).toEqual([...offline.map((t) => t.ticketId), online.ticketId]);
    expect([...server.tickets.values()].map((t) => t.number)).toEqual(['A1-001', 'A1-002', 'B1-001', 'A001']);
    expect(online.ahead).toBe(3);
    expect(readPending(storage)).toEqual([]);
  });

  it('stops at the first ticket the server cannot take, keeps the rest in order, and sends none twice when it resumes', async () => {
    const d = deps();
    server.mode = 'down';
    const offline = [await issue(d), await issue(d), await issue(d)];
    server.mode = 'up';
    server.modes = ['up', 'error'];
    expect(await d.sender.flush()).toEqual({ sent: 1, refused: 0, left: 2, state: 'unreachable' });
    expect(readPending(storage).map((t) => t.ticketId)).toEqual([offline[1]?.ticketId, offline[2]?.ticketId]);
    // The server stored the next one but its answer was lost: sent again, it is recognised by its id.
    server.modes = ['answer-lost'];
    expect((await d.sender.flush()).state).toBe('unreachable');
    expect(await d.sender.flush()).toEqual({ sent: 2, refused: 0, left: 0, state: 'done' });
    expect(server.tickets.size).toBe(3);
    expect([...server.tickets.values()].map((t) => t.number).sort()).toEqual(['A1-001', 'A1-002', 'A1-003']);
  });

  it('shares one run between flushes asked at once, so no ticket is sent twice in parallel', async () => {
    const d = deps();
    server.mode = 'down';
    await issue(d);
    await issue(d);
    server.mode = 'up';
    const [a, b] = await Promise.all([d.sender.flush(), d.sender.flush()]);
    expect(a).toBe(b);
    expect(server.received).toHaveLength(2);
  });

  it("keeps a ticket the server refuses for good among the refused for staff, and sends the next", async () => {
    const d = deps();
    server.mode = 'down';
    const [clash, next] = [await issue(d), await issue(d)];
    // Another id already holds A1-001 on the server (the kiosk's storage was wiped and its series began again).
    server.mode = 'up';
    server.tickets.set('00000000-0000-4000-8000-000000000001', { request: { ticketId: '00000000-0000-4000-8000-000000000001', verifier: 'v'.repeat(20), group: 'A' }, number: 'A1-001' });
    expect(await d.sender.flush()).toEqual({ sent: 1, refused: 1, left: 0, state: 'done' });
    expect(readRefused(storage)).toMatchObject([{ ticketId: clash.ticketId, number: 'A1-001', code: 'conflict' }]);
    expect(server.tickets.get(next.ticketId)?.number).toBe('A1-002');
  });

  it('prints nothing and keeps every pending ticket when the server refuses this kiosk', async () => {
    const d = deps();
    server.mode = 'down';
    await issue(d);
    server.mode = 'revoked';
    await expect(issue(d)).rejects.toSatisfy((error) => error instanceof IssueRefused && error.blocked);
    expect(readPending(storage)).toHaveLength(1);
    expect(JSON.parse(storage.getItem(kioskKeys.series) ?? '')).toEqual({ day: '2026-03-02', last: { A: 1 } });
  });

  it('gives an offline ticket an id of its own after an online request that may have reached the server', async () => {
    const d = deps();
    server.modes = ['answer-lost'];
    const ticket = await issue(d);
    expect(ticket.offline).toBe(true);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).not.toBe(ticket.ticketId);
  });

  it('starts the series again each office day (Taipei), and keeps it going when the clock is turned back', async () => {
    const d = deps();
    server.mode = 'down';
    expect((await issue(d)).number).toBe('A1-001');
    // 2026-03-03 00:30 in Taipei is still 2026-03-02 in UTC.
    wall = Date.parse('2026-03-02T16:30:00.000Z');
    expect((await issue(d)).number).toBe('A1-001');
    wall = Date.parse('2026-03-02T15:00:00.000Z');
    expect((await issue(d)).number).toBe('A1-002');
  });

  it('makes ids and verifiers the server accepts', async () => {
    server.mode = 'down';
    const ticket = await issue(deps());
    const [pending] = readPending(storage);
    expect(uuidSchema.safeParse(pending?.ticketId).success).toBe(true);
    expect(ticketVerifierSchema.safeParse(pending?.verifier).success).toBe(true);
    expect(ticket.followUrl).toContain(`?v=${pending?.verifier}`);
  });

  it('reads a damaged store as empty instead of failing', async () => {
    storage.setItem(kioskKeys.pending, '{not json');
    storage.setItem(kioskKeys.series, JSON.stringify({ day: 'yesterday' }));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    server.mode = 'down';
    expect((await issue(deps())).number).toBe('A1-001');
    expect(readPending(storage)).toHaveLength(1);
  });
});
