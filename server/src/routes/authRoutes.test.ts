import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInResponseSchema } from '../../../shared/schemas/auth';
import { hashSessionToken } from '../auth/sessions';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, WINDOW_MS } from '../auth/signInThrottle';
import { demoDevice } from '../db/seedDemo';
import { deviceHeaders, errorOf, otherDevice, revokedDevice, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('auth routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const signIn = (payload: unknown, options: { deviceId?: string; address?: string; headers?: Record<string, string> } = {}) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in',
      headers: options.headers ?? deviceHeaders(options.deviceId ?? demoDevice.id),
      remoteAddress: options.address ?? '127.0.0.1',
      payload: payload as object,
    });
  const asClerk = (username = 'clerk', password = 'clerk-demo-2026') => ({ username, password, deviceId: demoDevice.id });

  it('signs a user in on a known device, stores only the token hash and grants offline sign-in for 7 days', async () => {
    const response = await signIn({ username: 'Clerk', password: 'clerk-demo-2026', deviceId: demoDevice.id });
    expect(response.statusCode).toBe(200);
    const body = signInResponseSchema.parse(response.json());
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A clerk works at the counter, in no handling unit.
    expect(body.user).toEqual({ username: 'clerk', displayName: '示範櫃台人員 / Demo clerk', roles: ['clerk'], units: [] });
    expect(body.device).toEqual({ id: 'demo-counter-01', name: '基隆市稅務局 服務台 1 / Counter 1', stationCode: 'KL01' });
    expect(Date.parse(body.expiresAt) - Date.parse(body.serverTime)).toBe(8 * 60 * 60 * 1000);
    expect(Date.parse(body.offlineGrant?.expiresAt ?? '') - Date.parse(body.serverTime)).toBe(7 * 24 * 60 * 60 * 1000);

    const { rows } = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.map((row) => row.token_hash)).toContain(hashSessionToken(body.token));
    expect(JSON.stringify(rows)).not.toContain(body.token);
  });

  it('answers the units an officer works in, so the device knows its desks offline', async () => {
    const response = await signIn(asClerk('officer', 'officer-demo-2026'));
    expect(response.statusCode).toBe(200);
    const { user } = signInResponseSchema.parse(response.json());
    expect(user.roles).toEqual(['officer']);
    expect(user.units).toEqual(['BRANCH1', 'CONSUMPTION', 'LEGAL', 'PROPERTY', 'SERVICE'].map((unit) => ({ unit, position: 'officer' })));
  });

  it('stores passwords only as argon2id hashes', async () => {
    const { rows } = await server.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'clerk'");
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]?.password_hash).not.toContain('clerk-demo-2026');
  });

  it('answers a wrong password and an unknown user with the same body', async () => {
    const wrong = await signIn(asClerk('clerk', 'not-the-password'), { address: '10.1.0.1' });
    const unknown = await signIn(asClerk('nobody', 'not-the-password'), { address: '10.1.0.1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'unauthorized', message: 'Wrong username or password' } });
    expect(unknown.body).toBe(wrong.body);
  });

  it('refuses a sign-in without a device credential, with a wrong one, for another device, or from a revoked device', async () => {
    const none = await signIn(asClerk(), { headers: {} });
    expect(none.statusCode).toBe(401);
    const unknown = await signIn({ ...asClerk(), deviceId: 'no-such-device' }, { deviceId: 'no-such-device' });
    expect(unknown.statusCode).toBe(403);
    expect(errorOf(unknown).code).toBe('device_unknown');
    const wrongSecret = await signIn(asClerk(), { headers: { ...deviceHeaders(), 'x-device-secret': 'x'.repeat(43) } });
    expect(errorOf(wrongSecret).code).toBe('device_unknown');
    const mismatch = await signIn({ ...asClerk(), deviceId: otherDevice.id });
    expect(mismatch.statusCode).toBe(401);

    const before = await signIn({ ...asClerk(), deviceId: revokedDevice.id }, { deviceId: revokedDevice.id });
    await server.db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [revokedDevice.id]);
    const after = await signIn({ ...asClerk(), deviceId: revokedDevice.id }, { deviceId: revokedDevice.id });
    expect(before.statusCode).toBe(200);
    expect(after.statusCode).toBe(403);
    expect(errorOf(after).code).toBe('device_revoked');
  });

  it('refuses malformed sign-in requests with validation_failed', async () => {
    for (const payload of [{}, { username: 'clerk' }, { username: 42, password: 'x', deviceId: 'd' }, { username: '', password: 'x', deviceId: 'd' }, { username: 'a\u0000b', password: 'x', deviceId: 'd' }]) {
      const response = await signIn(payload);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('validation_failed');
    }
  });

  it(`locks an account after ${ACCOUNT_FAILURE_LIMIT} failures in 15 minutes, even for the right password, and alike for unknown names`, async () => {
    const address = '10.2.0.1';
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i += 1) {
      expect((await signIn(asClerk('supervisor', `wrong-${i}`), { address: `10.2.0.${i + 1}` })).statusCode).toBe(401);
      expect((await signIn(asClerk('no-such-user', `wrong-${i}`), { address: `10.2.1.${i + 1}` })).statusCode).toBe(401);
    }
    const locked = await signIn(asClerk('supervisor', 'supervisor-demo-2026'), { address });
    expect(locked.statusCode).toBe(423);
    expect(errorOf(locked).code).toBe('account_locked');
    const lockedUnknown = await signIn(asClerk('no-such-user', 'whatever'), { address });
    expect(lockedUnknown.statusCode).toBe(423);
    expect(lockedUnknown.body).toBe(locked.body);
    // Other accounts are not affected.
    expect((await signIn(asClerk(), { address })).statusCode).toBe(200);

    server.clock.advance(WINDOW_MS);
    const later = await signIn(asClerk('supervisor', 'supervisor-demo-2026'), { address });
    expect(later.statusCode).toBe(200);
    // A success clears the count: one more failure does not lock again.
    expect((await signIn(asClerk('supervisor', 'wrong'), { address })).statusCode).toBe(401);
    expect((await signIn(asClerk('supervisor', 'supervisor-demo-2026'), { address })).statusCode).toBe(200);
  });

  it(`answers 429 to an address after ${ADDRESS_FAILURE_LIMIT} failures in 15 minutes, whatever the username`, async () => {
    const address = '10.3.0.1';
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i += 1) {
      expect((await signIn(asClerk(`guess-${i}`, 'wrong'), { address })).statusCode).toBe(401);
    }
    const limited = await signIn(asClerk(), { address });
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe('rate_limited');
    expect((await signIn(asClerk(), { address: '10.3.0.2' })).statusCode).toBe(200);
    server.clock.advance(WINDOW_MS);
    expect((await signIn(asClerk(), { address })).statusCode).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const token = await server.signIn();
    const signOut = await server.app.inject({ method: 'POST', url: '/v1/auth/sign-out', headers: syncHeaders(token) });
    expect(signOut.statusCode).toBe(200);
    const pull = await server.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: syncHeaders(token) });
    expect(pull.statusCode).toBe(401);
    const again = await server.app.inject({ method: 'POST', url: '/v1/auth/sign-out', headers: syncHeaders(token) });
    expect(again.statusCode).toBe(401);
  });

  it('ends every session of the user, on every device, on sign-out everywhere', async () => {
    const here = await server.signIn();
    const there = await server.signIn({ deviceId: otherDevice.id });
    const supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    const response = await server.app.inject({ method: 'POST', url: '/v1/auth/sign-out-all', headers: syncHeaders(here) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, endedSessions: expect.any(Number) });
    for (const token of [here, there]) {
      const pull = await server.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: syncHeaders(token) });
      expect(pull.statusCode).toBe(401);
    }
    const stillIn = await server.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: syncHeaders(supervisor) });
    expect(stillIn.statusCode).toBe(200);
  });

  it('refuses an expired session and a session used from another device', async () => {
    const token = await server.signIn();
    const elsewhere = await server.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: { ...syncHeaders(token), ...deviceHeaders(otherDevice.id) } });
    expect(elsewhere.statusCode).toBe(401);
    server.clock.advance(8 * 60 * 60 * 1000);
    const expired = await server.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: syncHeaders(token) });
    expect(expired.statusCode).toBe(401);
    expect(errorOf(expired).code).toBe('unauthorized');
  });

  it('audits sign-ins, failures and sign-outs', async () => {
    const { rows } = await server.db.query<{ action: string }>('SELECT DISTINCT action FROM audit_log');
    expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(['auth.sign-in', 'auth.sign-in-failed', 'auth.sign-out', 'auth.sign-out-all']));
    const failed = await server.db.query<{ details: { reason: string } }>("SELECT details FROM audit_log WHERE action = 'auth.sign-in-failed'");
    expect(JSON.stringify(failed.rows)).not.toMatch(/wrong-\d/);
  });
});
