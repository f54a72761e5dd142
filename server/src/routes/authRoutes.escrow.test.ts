import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAnswerSchema } from '../../../shared/schemas/auth';
import { demoDevice } from '../db/seedDemo';
import { revokeDevice } from '../store/deviceStore';
import { deviceHeaders, errorOf, otherDevice, revokedDevice, startTestServer, type TestServer } from '../testing/testServer';

/** The escrow key released at an online sign-in (docs/decisions/0017-shared-device-escrow.md). */
describe('sign-in releases the install escrow key', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const passwords: Record<string, string> = {
    clerk: 'clerk-demo-2026',
    supervisor: 'supervisor-demo-2026',
    admin: 'admin-demo-2026',
    fieldstaff: 'field-demo-2026',
  };
  const signIn = (username: string, clientId: string | undefined, options: { deviceId?: string; password?: string } = {}) => {
    const deviceId = options.deviceId ?? demoDevice.id;
    return server.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in',
      headers: deviceHeaders(deviceId),
      payload: { username, password: options.password ?? passwords[username], deviceId, ...(clientId ? { clientId } : {}) },
    });
  };
  const escrowKeyOf = async (username: string, clientId: string | undefined, options: { deviceId?: string } = {}) => {
    const response = await signIn(username, clientId, options);
    expect(response.statusCode).toBe(200);
    return signInAnswerSchema.parse(response.json()).escrowKey;
  };
  const storedKeys = async () =>
    (
      await server.db.query<{ device_id: string; client_id: string; key: string }>(
        `SELECT device_id, client_id, encode(escrow_key, 'base64') AS key FROM device_escrow_keys ORDER BY device_id, client_id`,
      )
    ).rows;

  it('gives every user entitled to the device the same key of that install, and stores it once', async () => {
    const install = randomUUID();
    const clerkKey = await escrowKeyOf('clerk', install);
    expect(clerkKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(await escrowKeyOf('supervisor', install)).toBe(clerkKey);
    expect(await escrowKeyOf('fieldstaff', install)).toBe(clerkKey);
    expect((await storedKeys()).filter((row) => row.client_id === install)).toEqual([{ device_id: demoDevice.id, client_id: install, key: clerkKey }]);
    // A client that does not name its install (an older build) gets no key.
    expect(await escrowKeyOf('supervisor', undefined)).toBeUndefined();
  });

  it('audits the release without the key', async () => {
    const install = randomUUID();
    const key = await escrowKeyOf('supervisor', install);
    const { rows } = await server.db.query<{ details: unknown }>(`SELECT details FROM audit_log WHERE action = 'auth.sign-in' AND user_name = 'supervisor' ORDER BY seq DESC LIMIT 1`);
    expect(rows[0]?.details).toEqual({ address: '127.0.0.1', escrowReleasedTo: install });
    const everything = await server.db.query('SELECT details FROM audit_log');
    expect(JSON.stringify(everything.rows)).not.toContain(key ?? 'no key');
  });

  it('refuses the key for a wrong password, and makes none', async () => {
    const install = randomUUID();
    const response = await signIn('supervisor', install, { password: 'not-the-password' });
    expect(response.statusCode).toBe(401);
    expect(JSON.stringify(response.json())).not.toContain('escrowKey');
    expect((await storedKeys()).filter((row) => row.client_id === install)).toEqual([]);
  });

  it('gives the administrator, who holds no taxpayer data, no key', async () => {
    const install = randomUUID();
    await escrowKeyOf('clerk', install);
    expect(await escrowKeyOf('admin', install)).toBeUndefined();
    const fresh = randomUUID();
    expect(await escrowKeyOf('admin', fresh)).toBeUndefined();
    expect((await storedKeys()).filter((row) => row.client_id === fresh)).toEqual([]);
  });

  it("never gives one install's key to another device or another install", async () => {
    const install = randomUUID();
    const demoKey = await escrowKeyOf('clerk', install);
    const otherDeviceKey = await escrowKeyOf('clerk', install, { deviceId: otherDevice.id });
    const otherInstallKey = await escrowKeyOf('clerk', randomUUID());
    expect(otherDeviceKey).toBeDefined();
    expect(otherDeviceKey).not.toBe(demoKey);
    expect(otherInstallKey).not.toBe(demoKey);
    expect(await escrowKeyOf('clerk', install)).toBe(demoKey);
  });

  it('forgets the keys of a revoked device and releases nothing to it', async () => {
    const install = randomUUID();
    expect(await escrowKeyOf('supervisor', install, { deviceId: revokedDevice.id })).toBeDefined();
    await revokeDevice(server.db, { deviceId: revokedDevice.id, reason: 'stolen', by: 'admin', now: server.clock.now() });
    expect((await storedKeys()).filter((row) => row.device_id === revokedDevice.id)).toEqual([]);
    const after = await signIn('supervisor', install, { deviceId: revokedDevice.id });
    expect(after.statusCode).toBe(403);
    expect(errorOf(after).code).toBe('device_revoked');
    expect(after.body).not.toContain('escrowKey');
  });

  it('refuses a client id that is not a uuid', async () => {
    const response = await signIn('clerk', 'not-a-uuid');
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('validation_failed');
  });
});
