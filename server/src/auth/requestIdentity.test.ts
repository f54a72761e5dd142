import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDevice } from '../db/seedDemo';
import { deviceHeaders, otherDevice, revokedDevice, startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';
import { authenticateDevice } from './deviceCredential';
import { authenticateDeviceAndSession } from './requestIdentity';
import { authenticateSession } from './sessions';

/** What a check answers: the device and session it proves, or the error code and message it throws. */
async function outcome(check: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await check() };
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
}

describe('one query for the device credential and the session', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    tokens.demo = await server.signIn();
    tokens.other = await server.signIn({ deviceId: otherDevice.id });
    tokens.disabled = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    tokens.revokedLater = await server.signIn({ deviceId: otherDevice.id, username: 'admin', password: 'admin-demo-2026' });
    await server.db.query("UPDATE users SET disabled_at = now() WHERE username = 'supervisor'");
    await server.db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [revokedDevice.id]);
  });
  afterAll(() => server.close());

  const requestWith = (headers: Record<string, string>) =>
    // Only the headers are read: a whole Fastify request is not needed to check them.
    ({ headers }) as unknown as FastifyRequest;
  const bearer = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

  /** [what the request presents, its headers, whether the other device is revoked meanwhile] */
  const cases: Array<[string, () => Record<string, string>, boolean?]> = [
    ['a live session on its own device', () => ({ ...deviceHeaders(), ...bearer(tokens.demo) })],
    ['no device credential', () => bearer(tokens.demo)],
    ['an unknown device', () => ({ ...deviceHeaders('no-such-device'), ...bearer(tokens.demo) })],
    ['a wrong device secret', () => ({ ...deviceHeaders(), 'x-device-secret': 'x'.repeat(43), ...bearer(tokens.demo) })],
    ['a revoked device', () => ({ ...deviceHeaders(revokedDevice.id), ...bearer(tokens.demo) })],
    ['no session', () => deviceHeaders()],
    ['a malformed bearer', () => ({ ...deviceHeaders(), authorization: 'Bearer nope' })],
    ['an unknown session', () => ({ ...deviceHeaders(), ...bearer('A'.repeat(43)) })],
    ["another device's session", () => ({ ...deviceHeaders(), ...bearer(tokens.other) })],
    ["a disabled user's session", () => ({ ...deviceHeaders(), ...bearer(tokens.disabled) })],
    ['a session of a device revoked since', () => ({ ...deviceHeaders(), ...bearer(tokens.revokedLater) }), true],
    ['an unknown device without a session', () => deviceHeaders('no-such-device')],
  ];

  it.each(cases)('answers %s as the two checks one after the other do', async (_presents, headersOf, revokeOther = false) => {
    if (revokeOther) await server.db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [otherDevice.id]);
    try {
      const request = requestWith(headersOf());
      const now = server.clock.now();
      const apart = await outcome(async () => {
        const device = await authenticateDevice(server.db, request);
        return { device, session: await authenticateSession(server.db, request, now) };
      });
      const together = await outcome(() => authenticateDeviceAndSession(server.db, request, now));
      expect(together).toEqual(apart);
    } finally {
      await server.db.query('UPDATE devices SET revoked_at = NULL WHERE id = $1', [otherDevice.id]);
    }
  });

  it('proves the device and the session of a live sign-in', async () => {
    const proven = await authenticateDeviceAndSession(server.db, requestWith({ ...deviceHeaders(), ...bearer(tokens.demo) }), server.clock.now());
    expect(proven.device).toEqual({ id: demoDevice.id, name: expect.any(String), stationCode: demoDevice.stationCode, kind: 'workstation', kioskNo: null });
    expect(proven.session).toMatchObject({ username: 'clerk', deviceId: demoDevice.id, roles: ['clerk'] });
  });
});
