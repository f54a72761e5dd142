import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER, enrolResponseSchema } from '../../../shared/schemas/device';
import { createEnrolmentCode } from '../store/deviceStore';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('device enrolment and revocation', () => {
  let server: TestServer;
  let adminToken: string;
  beforeAll(async () => {
    server = await startTestServer();
    adminToken = await server.signIn({ username: 'admin', password: 'admin-demo-2026' });
  });
  afterAll(() => server.close());

  const enrol = (payload: unknown, address = '127.0.0.1') =>
    server.app.inject({ method: 'POST', url: '/v1/devices/enrol', payload: payload as object, remoteAddress: address });
  const newCode = async (stationCode: string) => {
    const response = await server.app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', headers: syncHeaders(adminToken), payload: { stationCode } });
    expect(response.statusCode).toBe(200);
    return (response.json() as { code: string }).code;
  };

  it('enrols a device once with a one-time code; the credential works, the code does not twice', async () => {
    const code = await newCode('KL21');
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const response = await enrol({ code: code.toLowerCase().replace(/-/g, ' '), name: '櫃台 21' });
    expect(response.statusCode).toBe(200);
    const device = enrolResponseSchema.parse(response.json());
    expect(device.stationCode).toBe('KL21');

    const me = await server.app.inject({ method: 'GET', url: '/v1/devices/me', headers: { [DEVICE_ID_HEADER]: device.deviceId, [DEVICE_SECRET_HEADER]: device.deviceSecret } });
    expect(me.json()).toEqual({ id: device.deviceId, name: '櫃台 21', stationCode: 'KL21' });
    const { rows } = await server.db.query<{ secret_hash: string }>('SELECT secret_hash FROM devices WHERE id = $1', [device.deviceId]);
    expect(rows[0]?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(device.deviceSecret);

    const again = await enrol({ code, name: 'Second try' });
    expect(again.statusCode).toBe(401);
    expect(errorOf(again).code).toBe('unauthorized');
  });

  it('refuses an expired code, a wrong code and a station code already in use', async () => {
    const expired = await createEnrolmentCode(server.db, { stationCode: 'KL22', createdBy: 'test', now: server.clock.now(), ttlMs: 1000 });
    server.clock.advance(2000);
    expect((await enrol({ code: expired.code, name: 'Late' })).statusCode).toBe(401);
    expect((await enrol({ code: 'AAAA-BBBB-CCCC', name: 'Guess' })).statusCode).toBe(401);
    const taken = await server.app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', headers: syncHeaders(adminToken), payload: { stationCode: 'KL01' } });
    expect(taken.statusCode).toBe(409);
    const malformed = await server.app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', headers: syncHeaders(adminToken), payload: { stationCode: 'k-1' } });
    expect(malformed.statusCode).toBe(400);
  });

  it('limits enrolment attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await enrol({ code: `WRONG-${i}`, name: 'x' }, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('refuses a revoked device at its next contact, ends its sessions, and audits both steps', async () => {
    const code = await newCode('KL23');
    const device = enrolResponseSchema.parse((await enrol({ code, name: 'Field laptop 23' })).json());
    const credential = { [DEVICE_ID_HEADER]: device.deviceId, [DEVICE_SECRET_HEADER]: device.deviceSecret };
    const signIn = await server.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in',
      headers: credential,
      payload: { username: 'clerk', password: 'clerk-demo-2026', deviceId: device.deviceId },
    });
    const { token } = signIn.json() as { token: string };

    const revoke = await server.app.inject({
      method: 'POST',
      url: `/v1/admin/devices/${device.deviceId}/revoke`,
      headers: syncHeaders(adminToken),
      payload: { reason: 'Laptop reported stolen' },
    });
    expect(revoke.json()).toEqual({ revoked: true });

    for (const request of [
      { method: 'GET' as const, url: '/v1/devices/me', headers: credential },
      { method: 'GET' as const, url: '/v1/sync/pull', headers: { ...syncHeaders(token), ...credential } },
    ]) {
      const response = await server.app.inject(request);
      expect(response.statusCode).toBe(403);
      expect(errorOf(response).code).toBe('device_revoked');
    }
    const sessions = await server.db.query('SELECT 1 FROM sessions WHERE device_id = $1', [device.deviceId]);
    expect(sessions.rowCount).toBe(0);
    // Someone without the secret learns nothing about the device.
    const guess = await server.app.inject({ method: 'GET', url: '/v1/devices/me', headers: { ...credential, [DEVICE_SECRET_HEADER]: 'y'.repeat(43) } });
    expect(errorOf(guess).code).toBe('device_unknown');

    const { rows } = await server.db.query<{ action: string; device_id: string | null; details: Record<string, string> }>(
      "SELECT action, device_id, details FROM audit_log WHERE action IN ('device.enrol', 'device.revoke') ORDER BY seq",
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'device.enrol', device_id: device.deviceId }),
        expect.objectContaining({ action: 'device.revoke', details: expect.objectContaining({ revokedDevice: device.deviceId, reason: 'Laptop reported stolen' }) }),
      ]),
    );
  });
});
