import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInResponseSchema } from '../../../shared/schemas/auth';
import { hashSessionToken } from '../auth/sessions';
import { demoDevice } from '../db/seedDemo';
import { errorOf, revokedDevice, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('auth routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const signIn = (payload: unknown) => server.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: payload as object });

  it('signs a user in on a known device and stores only the token hash', async () => {
    const response = await signIn({ username: 'Clerk', password: 'clerk-demo-2026', deviceId: demoDevice.id });
    expect(response.statusCode).toBe(200);
    const body = signInResponseSchema.parse(response.json());
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.user).toEqual({ username: 'clerk', displayName: '示範櫃台人員 / Demo clerk', roles: ['clerk'] });
    expect(body.device).toEqual({ id: 'demo-counter-01', name: '基隆市稅務局 服務台 1 / Counter 1', stationCode: 'KL01' });
    expect(Date.parse(body.expiresAt) - Date.parse(body.serverTime)).toBe(8 * 60 * 60 * 1000);

    const { rows } = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.map((row) => row.token_hash)).toContain(hashSessionToken(body.token));
    expect(JSON.stringify(rows)).not.toContain(body.token);
  });

  it('stores passwords only as argon2id hashes', async () => {
    const { rows } = await server.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'clerk'");
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]?.password_hash).not.toContain('clerk-demo-2026');
  });

  it('answers a wrong password and an unknown user with the same body', async () => {
    const wrong = await signIn({ username: 'clerk', password: 'not-the-password', deviceId: demoDevice.id });
    const unknown = await signIn({ username: 'nobody', password: 'not-the-password', deviceId: demoDevice.id });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'unauthorized', message: 'Wrong username or password' } });
    expect(unknown.body).toBe(wrong.body);
  });

  it('refuses an unknown or revoked device', async () => {
    const unknown = await signIn({ username: 'clerk', password: 'clerk-demo-2026', deviceId: 'no-such-device' });
    expect(unknown.statusCode).toBe(403);
    expect(errorOf(unknown).code).toBe('device_unknown');
    const revoked = await signIn({ username: 'clerk', password: 'clerk-demo-2026', deviceId: revokedDevice.id });
    await server.db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [revokedDevice.id]);
    const afterRevocation = await signIn({ username: 'clerk', password: 'clerk-demo-2026', deviceId: revokedDevice.id });
    expect(revoked.statusCode).toBe(200);
    expect(afterRevocation.statusCode).toBe(403);
    expect(errorOf(afterRevocation).code).toBe('device_revoked');
  });

  it('refuses malformed sign-in requests with validation_failed', async () => {
    for (const payload of [{}, { username: 'clerk' }, { username: 42, password: 'x', deviceId: 'd' }, { username: '', password: 'x', deviceId: 'd' }]) {
      const response = await signIn(payload);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('validation_failed');
    }
  });

  it('ends the session on sign-out', async () => {
    const token = await server.signIn();
    const signOut = await server.app.inject({ method: 'POST', url: '/v1/auth/sign-out', headers: { authorization: `Bearer ${token}` } });
    expect(signOut.statusCode).toBe(200);
    const pull = await server.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: syncHeaders(token) });
    expect(pull.statusCode).toBe(401);
    const again = await server.app.inject({ method: 'POST', url: '/v1/auth/sign-out', headers: { authorization: `Bearer ${token}` } });
    expect(again.statusCode).toBe(401);
  });
});
