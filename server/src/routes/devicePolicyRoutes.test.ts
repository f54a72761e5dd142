import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devicePolicySchema } from '../../../shared/schemas/devicePolicy';
import { deviceHeaders, startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('GET /v1/device-policy', () => {
  let server: TestServer;
  const policy = { autoLockMinutes: 3, closedCaseRetentionDays: 7, update: { channel: 'beta' as const, url: 'https://updates.example/counterdesk' } };

  beforeAll(async () => {
    server = await startTestServer({ devicePolicy: policy });
  });
  afterAll(async () => {
    await server.close();
  });

  it('gives an enrolled device the configured policy', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/v1/device-policy', headers: deviceHeaders() });
    expect(response.statusCode).toBe(200);
    expect(devicePolicySchema.parse(response.json())).toEqual(policy);
  });

  it('needs the device credential', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/v1/device-policy' });
    expect(response.statusCode).toBe(401);
  });
});
