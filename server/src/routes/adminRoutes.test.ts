import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devicesResponseSchema, pendingEnrolmentCodesSchema } from '../../../shared/schemas/deviceAdmin';
import { serverHealthSchema } from '../../../shared/schemas/serverHealth';
import { errorOf, otherDevice, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe("the administrator's devices and the server's health", () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026' });
  });
  afterAll(() => server.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object, token = admin) =>
    server.app.inject({ method, url, headers: syncHeaders(token), ...(payload ? { payload } : {}) });
  const lastSeenOf = async (deviceId: string) =>
    (await server.db.query<{ last_seen_at: Date | null }>('SELECT last_seen_at FROM devices WHERE id = $1', [deviceId])).rows[0]?.last_seen_at ?? null;
  const devices = async () => devicesResponseSchema.parse((await call('GET', '/v1/admin/devices')).json()).devices;

  it('records when a device was last seen, at most once a minute', async () => {
    const clerk = await server.signIn({ username: 'clerk', password: 'clerk-demo-2026', deviceId: otherDevice.id });
    const first = server.clock.now();
    await call('GET', '/v1/device-policy', undefined, clerk);
    expect(await lastSeenOf(otherDevice.id)).toEqual(first);

    server.clock.advance(30_000);
    await call('GET', '/v1/device-policy', undefined, clerk);
    expect(await lastSeenOf(otherDevice.id)).toEqual(first);

    server.clock.advance(31_000);
    await call('GET', '/v1/device-policy', undefined, clerk);
    expect(await lastSeenOf(otherDevice.id)).toEqual(server.clock.now());
    expect((await devices()).find((device) => device.id === otherDevice.id)?.lastSeenAt).toBe(server.clock.now().toISOString());
  });

  it('lists the pending enrolment codes without the codes, until used or expired', async () => {
    const made = await call('POST', '/v1/admin/enrolment-codes', { stationCode: 'KL41' });
    const { code } = made.json() as { code: string };
    const pending = pendingEnrolmentCodesSchema.parse((await call('GET', '/v1/admin/enrolment-codes')).json()).codes;
    expect(pending).toEqual([{ stationCode: 'KL41', createdBy: 'admin', createdAt: server.clock.now().toISOString(), expiresAt: expect.any(String) as string, kind: 'workstation' }]);
    expect(JSON.stringify(pending)).not.toContain(code);
    server.clock.advance(25 * 60 * 60 * 1000);
    admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026' });
    expect(pendingEnrolmentCodesSchema.parse((await call('GET', '/v1/admin/enrolment-codes')).json()).codes).toEqual([]);
  });

  it('revokes a device with its reason, audited, and shows it revoked', async () => {
    const revoked = await call('POST', `/v1/admin/devices/${otherDevice.id}/revoke`, { reason: '遺失' });
    expect(revoked.json()).toEqual({ revoked: true });
    expect((await devices()).find((device) => device.id === otherDevice.id)).toMatchObject({ revokedReason: '遺失', revokedAt: expect.any(String) as string });
    const { rows } = await server.db.query<{ user_name: string; details: unknown }>("SELECT user_name, details FROM audit_log WHERE action = 'device.revoke'");
    expect(rows).toEqual([{ user_name: 'admin', details: { revokedDevice: otherDevice.id, reason: '遺失' } }]);
    expect(errorOf(await call('POST', `/v1/admin/devices/${otherDevice.id}/revoke`, { reason: '' })).code).toBe('validation_failed');
  });

  it("tells the administrator the server's health, as counts only, and no one else", async () => {
    const response = await call('GET', '/v1/admin/health');
    expect(response.statusCode).toBe(200);
    const health = serverHealthSchema.parse(response.json());
    expect(health.database).toEqual({ kind: server.db.kind, reachable: true, schemaVersion: expect.any(Number) as number });
    expect(health.database.schemaVersion).toBeGreaterThanOrEqual(13);
    expect(health.accounts.activeUsers).toBe(5);
    expect(health.notifications).toEqual({ pending: 0, failed: 0, oldestPendingAt: null });
    const supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    expect(errorOf(await call('GET', '/v1/admin/health', undefined, supervisor)).code).toBe('forbidden');
  });
});
