import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolResponseSchema } from '../../../shared/schemas/device';
import { enrolmentCodeAnswerSchema } from '../../../shared/schemas/deviceAdmin';
import { callNextAnswerSchema, issuedTicketSchema, kioskStatusSchema } from '../../../shared/schemas/ticketQueue';
import { createSession } from '../auth/sessions';
import { demoKiosk } from '../db/seedDemo';
import { counterAt, kioskHeaders, ticketRequest } from '../testing/queueFixtures';
import type { Headers } from '../testing/queueFixtures';
import { errorOf, startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('the entrance ticket kiosk', () => {
  let server: TestServer;
  let counter: Headers;
  let admin: Headers;

  const issue = (payload: object, headers: Headers = kioskHeaders()) => server.app.inject({ method: 'POST', url: '/v1/kiosk/tickets', headers, payload });

  beforeAll(async () => {
    server = await startTestServer();
    counter = await counterAt(server.db, 'KL01', 'clerk', server.clock.now());
    admin = await counterAt(server.db, 'KLADM', 'admin', server.clock.now());
  });
  afterAll(() => server.close());

  it('issues once per ticket id, whatever the retries', async () => {
    const request = ticketRequest('B');
    const first = issuedTicketSchema.parse((await issue(request)).json());
    const again = issuedTicketSchema.parse((await issue({ ...request, group: 'C' })).json());
    expect(again.ticket).toEqual(first.ticket);
    expect(again.followUrl).toBe(first.followUrl);
    const { rows } = await server.db.query<{ last_number: number }>("SELECT last_number FROM queue_number_series WHERE queue_group = 'B'");
    expect(rows).toEqual([{ last_number: 1 }]);
    const bad = await issue(ticketRequest('L', { plate: 'ABC-1234', serveNow: true }));
    expect((bad.json() as { error: { issues: Array<{ path: string }> } }).error.issues.map((i) => i.path)).toEqual(['group', 'plate', 'serveNow']);
  });

  it('keeps an offline ticket its number and time, places it by that time, and refuses a clash', async () => {
    const online = issuedTicketSchema.parse((await issue(ticketRequest('D'))).json());
    const earlier = new Date(server.clock.now().getTime() - 10 * 60 * 1000).toISOString();
    const offline = ticketRequest('D', { offline: { number: 'D1-001', issuedAt: earlier } });
    const sent = await issue(offline);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(issuedTicketSchema.parse(sent.json()).ticket).toMatchObject({ number: 'D1-001', issuedAt: earlier, status: 'waiting' });
    expect((await issue(offline)).statusCode).toBe(200);
    const clash = await issue(ticketRequest('D', { offline: { number: 'D1-001', issuedAt: earlier } }));
    expect([clash.statusCode, errorOf(clash).code]).toEqual([409, 'conflict']);
    // Another kiosk's series, a wrong group letter and a clock ahead of the server's are refused.
    for (const number of ['D2-001', 'A1-001']) expect(errorOf(await issue(ticketRequest('D', { offline: { number, issuedAt: earlier } }))).code).toBe('validation_failed');
    const future = new Date(server.clock.now().getTime() + 60 * 60 * 1000).toISOString();
    expect(errorOf(await issue(ticketRequest('D', { offline: { number: 'D1-002', issuedAt: future } }))).code).toBe('validation_failed');
    // Printed before the online one, it is called before it.
    const first = callNextAnswerSchema.parse((await server.app.inject({ method: 'POST', url: '/v1/queue/call-next', headers: counter, payload: { group: 'D' } })).json());
    expect(first.ticket?.number).toBe('D1-001');
    const second = callNextAnswerSchema.parse((await server.app.inject({ method: 'POST', url: '/v1/queue/call-next', headers: counter, payload: { group: 'D' } })).json());
    expect(second.ticket?.id).toBe(online.ticket.id);
  });

  it('tells the kiosk its day, number, the time and the waiting per group', async () => {
    const status = kioskStatusSchema.parse((await server.app.inject({ method: 'GET', url: '/v1/kiosk/status', headers: kioskHeaders() })).json());
    expect(status).toMatchObject({ officeDay: '2026-03-02', kioskNo: 1, serverTime: server.clock.now().toISOString() });
    expect(status.groups.map((g) => g.group)).toEqual(['A', 'B', 'C', 'D']);
    expect(status.groups.find((g) => g.group === 'B')?.waiting).toBe(1);
  });

  it("refuses a kiosk's credential everywhere else, even with a session, and a workstation at the kiosk's routes", async () => {
    const { rows } = await server.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'clerk'");
    const { token } = await createSession(server.db, { userId: rows[0]?.id ?? 0, deviceId: demoKiosk.id, now: server.clock.now(), ttlMs: 60_000 });
    const kioskSession = { ...kioskHeaders(), authorization: `Bearer ${token}`, 'x-counterdesk-protocol': '1' };
    for (const url of ['/v1/sync/pull', '/v1/documents/check', '/v1/catalogue', '/v1/devices/me', '/v1/queue/counter']) {
      const response = await server.app.inject({ method: url === '/v1/documents/check' ? 'POST' : 'GET', url, headers: kioskSession, payload: url === '/v1/documents/check' ? {} : undefined });
      expect([response.statusCode, errorOf(response).code], url).toEqual([403, 'forbidden']);
    }
    const signIn = await server.app.inject({ method: 'POST', url: '/v1/auth/sign-in', headers: kioskHeaders(), payload: { username: 'clerk', password: 'clerk-demo-2026', deviceId: demoKiosk.id } });
    expect(signIn.statusCode).toBe(403);
    const fromCounter = await issue(ticketRequest('A'), counter);
    expect([fromCounter.statusCode, errorOf(fromCounter).code]).toEqual([403, 'forbidden']);
  });

  it('enrols a kiosk with the lowest free kiosk number, and refuses a tenth', async () => {
    const enrolKiosk = async (stationCode: string) => {
      const made = await server.app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', headers: admin, payload: { stationCode, kind: 'kiosk' } });
      expect(made.statusCode, made.body).toBe(200);
      const { code, kind } = enrolmentCodeAnswerSchema.parse(made.json());
      expect(kind).toBe('kiosk');
      return server.app.inject({ method: 'POST', url: '/v1/devices/enrol', payload: { code, name: `Kiosk ${stationCode}` }, remoteAddress: `10.0.0.${stationCode.slice(-1)}` });
    };
    // The desktop app says it enrols a workstation: a kiosk's code is refused and stays usable.
    const made = await server.app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', headers: admin, payload: { stationCode: 'KS20', kind: 'kiosk' } });
    const kioskCode = enrolmentCodeAnswerSchema.parse(made.json()).code;
    const asWorkstation = await server.app.inject({ method: 'POST', url: '/v1/devices/enrol', payload: { code: kioskCode, name: 'Counter?', kind: 'workstation' }, remoteAddress: '10.0.1.1' });
    expect((asWorkstation.json() as { error: { code: string; issues: Array<{ path: string }> } }).error).toMatchObject({ code: 'validation_failed', issues: [{ path: 'kind' }] });
    const asKiosk = await server.app.inject({ method: 'POST', url: '/v1/devices/enrol', payload: { code: kioskCode, name: 'Kiosk 20', kind: 'kiosk' }, remoteAddress: '10.0.1.2' });
    const second = enrolResponseSchema.parse(asKiosk.json());
    expect(second.stationCode).toBe('KS20');
    expect(second).toMatchObject({ kind: 'kiosk', kioskNo: 2 });
    for (const no of [3, 4, 5, 6, 7, 8, 9]) expect(enrolResponseSchema.parse((await enrolKiosk(`KS0${no}`)).json()).kioskNo).toBe(no);
    const tenth = await enrolKiosk('KS10');
    expect([tenth.statusCode, errorOf(tenth).code]).toEqual([409, 'conflict']);
    // A revoked kiosk's number is free again.
    await server.app.inject({ method: 'POST', url: `/v1/admin/devices/${second.deviceId}/revoke`, headers: admin, payload: { reason: 'moved' } });
    expect(enrolResponseSchema.parse((await enrolKiosk('KS11')).json()).kioskNo).toBe(2);
    const workstation = await server.app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', headers: admin, payload: { stationCode: 'KL77' } });
    const enrolled = enrolResponseSchema.parse((await server.app.inject({ method: 'POST', url: '/v1/devices/enrol', payload: { code: enrolmentCodeAnswerSchema.parse(workstation.json()).code, name: 'Counter 77' } })).json());
    expect(enrolled).toMatchObject({ kind: 'workstation', kioskNo: null });
  });
});
