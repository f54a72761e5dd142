import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultDevicePolicy } from '../../../shared/schemas/devicePolicy';
import { CounterDeskDb } from '../db/database';
import { getDevicePolicy, loadDevicePolicy, refreshDevicePolicy, resetDevicePolicy } from './devicePolicy';

const api = { serverUrl: 'http://server.test', token: 'token', headers: { 'x-device-id': 'kl01' } };
const published = { autoLockMinutes: 4, closedCaseRetentionDays: 2, update: { channel: 'latest', url: 'https://updates.example/desk' } };

function answer(status: number, body: unknown): void {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
}

let db: CounterDeskDb;
beforeEach(() => {
  resetDevicePolicy();
  db = new CounterDeskDb(`policy-test-${Date.now()}-${Math.random()}`);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

describe('device policy', () => {
  it('starts from the default, takes the server policy and keeps it for the next start offline', async () => {
    expect(getDevicePolicy()).toEqual(defaultDevicePolicy);
    answer(200, published);
    await refreshDevicePolicy(api, db);
    expect(getDevicePolicy()).toEqual(published);

    resetDevicePolicy();
    await loadDevicePolicy(db);
    expect(getDevicePolicy()).toEqual(published);
  });

  it('ignores a malformed answer and an older server without the route', async () => {
    answer(200, { ...published, autoLockMinutes: 0 });
    await refreshDevicePolicy(api, db);
    expect(getDevicePolicy()).toEqual(defaultDevicePolicy);
    answer(404, { error: { code: 'not_found', message: 'no route' } });
    await refreshDevicePolicy(api, db);
    expect(getDevicePolicy()).toEqual(defaultDevicePolicy);
    expect(await db.meta.get('devicePolicy')).toBeUndefined();
  });

  it('ignores a malformed stored copy', async () => {
    await db.meta.put({ key: 'devicePolicy', value: { autoLockMinutes: 'ten' } });
    await loadDevicePolicy(db);
    expect(getDevicePolicy()).toEqual(defaultDevicePolicy);
  });
});
