/**
 * A migrated database with the demo data, a second station's device and a revoked device, and the
 * app built over it with a clock the test moves. No listening socket: requests go through `inject`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../../shared/schemas/device';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, pushResponseSchema, type PushResponse } from '../../../shared/sync/protocol';
import { buildApp } from '../app';
import { hashDeviceSecret } from '../domain/deviceSecret';
import { defaultServerConfig } from '../context/config';
import type { ServerConfig } from '../context/config';
import type { Database } from '../db/database';
import type { LogDestination } from '../http/serverLogger';
import { demoDevice, demoKiosk, seedDemo } from '../db/seedDemo';
import { openTestDatabase } from './testDatabase';
import { pushBody } from './caseFixtures';

export const otherDevice = { id: 'test-counter-02', name: 'Test counter 2', stationCode: 'KL02', secret: 'test-counter-02-secret-0123456789abcdef' } as const;
export const revokedDevice = { id: 'test-counter-revoked', name: 'Revoked counter', stationCode: 'KL09', secret: 'test-counter-revoked-secret-0123456789' } as const;

const knownDevices = [demoDevice, otherDevice, revokedDevice, demoKiosk];

/** The credential headers of one of the test devices (the demo device by default). */
export function deviceHeaders(deviceId: string = demoDevice.id): Record<string, string> {
  const device = knownDevices.find((candidate) => candidate.id === deviceId);
  if (!device) return { [DEVICE_ID_HEADER]: deviceId, [DEVICE_SECRET_HEADER]: 'no-such-device-secret-0123456789abcdef' };
  return { [DEVICE_ID_HEADER]: device.id, [DEVICE_SECRET_HEADER]: device.secret };
}

/** Which device each token handed out by `signIn` was made on, so `syncHeaders(token)` can add its credential. */
const deviceOfToken = new Map<string, string>();

export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export interface TestServer {
  app: FastifyInstance;
  db: Database;
  clock: TestClock;
  /** Where the server keeps document uploads and blobs. */
  documentsDir: string;
  /** Signs in (clerk on the demo device unless told otherwise) and returns the bearer token. */
  signIn(options?: { username?: string; password?: string; deviceId?: string }): Promise<string>;
  /** POST /v1/sync/push of `mutations` from install `clientId`, as `token`'s device; expects 200 and parses the answer. */
  push(token: string, clientId: string, mutations: readonly unknown[]): Promise<PushResponse>;
  close(): Promise<void>;
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}, options: { logDestination?: LogDestination } = {}): Promise<TestServer> {
  const db = await openTestDatabase();
  await seedDemo(db);
  for (const device of [otherDevice, revokedDevice]) {
    await db.query('INSERT INTO devices (id, name, station_code, secret_hash) VALUES ($1, $2, $3, $4)', [
      device.id,
      device.name,
      device.stationCode,
      hashDeviceSecret(device.secret),
    ]);
  }
  let current = new Date('2026-03-02T01:00:00.000Z');
  const clock: TestClock = {
    now: () => new Date(current),
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
  const documentsDir = await mkdtemp(join(tmpdir(), 'counterdesk-documents-'));
  const app = await buildApp({ db, config: defaultServerConfig(overrides), now: clock.now, documentsDir, ...options });
  return {
    app,
    db,
    clock,
    documentsDir,
    async signIn({ username = 'clerk', password = 'clerk-demo-2026', deviceId = demoDevice.id } = {}) {
      const response = await app.inject({ method: 'POST', url: '/v1/auth/sign-in', headers: deviceHeaders(deviceId), payload: { username, password, deviceId } });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      const { token } = response.json() as { token: string };
      deviceOfToken.set(token, deviceId);
      return token;
    },
    async push(token, clientId, mutations) {
      const response = await app.inject({ method: 'POST', url: '/v1/sync/push', headers: syncHeaders(token), payload: pushBody(clientId, mutations) });
      if (response.statusCode !== 200) throw new Error(`push failed: ${response.statusCode} ${response.body}`);
      return pushResponseSchema.parse(response.json());
    },
    async close() {
      await app.close();
      await db.close();
      await rm(documentsDir, { recursive: true, force: true });
    },
  };
}

export function syncHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...deviceHeaders(deviceOfToken.get(token)) };
}

/** The parsed error body, or a thrown error when the response is not one. */
export function errorOf(response: LightMyRequestResponse): { code: string; message: string } {
  const body = response.json() as { error?: { code: string; message: string } };
  if (!body.error) throw new Error(`expected an error body, got ${response.body}`);
  return body.error;
}
