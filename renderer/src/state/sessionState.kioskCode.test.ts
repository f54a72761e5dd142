import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../db/database';
import { loadStoredCredential } from '../db/deviceCredentialStore';
import { KioskCodeError, useSession } from './sessionState';

/** The desktop app never runs as the entrance ticket kiosk: a kiosk's enrolment code is refused. */

const config = { serverUrl: 'http://127.0.0.1:9', deviceId: 'ks09-unenrolled' };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(async () => {
  await Promise.all(getDb().tables.map((table) => table.clear()));
  useSession.setState({ config, session: undefined, lockedAs: undefined, credential: undefined, device: undefined, ready: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("enrolling with a kiosk's code", () => {
  it('says it enrols a workstation, and turns the server\'s refusal into the kiosk message', async () => {
    const fetchMock = vi.fn(async () => json(400, { error: { code: 'validation_failed', message: 'another kind', issues: [{ path: 'kind', message: 'this code enrols an entrance ticket kiosk' }] } }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(useSession.getState().enrol('ABCD-EFGH-JKMN', 'Counter 9')).rejects.toBeInstanceOf(KioskCodeError);
    const [, init] = (fetchMock.mock.calls[0] ?? []) as unknown as [URL, RequestInit];
    expect(JSON.parse(String(init.body))).toMatchObject({ code: 'ABCD-EFGH-JKMN', kind: 'workstation' });
    expect(await loadStoredCredential()).toBeUndefined();
  });

  it('keeps no credential should a kiosk enrolment come back anyway', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { deviceId: 'ks09-0123456789', deviceSecret: 'k'.repeat(43), name: 'Kiosk', stationCode: 'KS09', kind: 'kiosk', kioskNo: 9 })));
    await expect(useSession.getState().enrol('ABCD-EFGH-JKMN', 'Counter 9')).rejects.toBeInstanceOf(KioskCodeError);
    expect(await loadStoredCredential()).toBeUndefined();
    expect(useSession.getState().credential).toBeUndefined();
  });
});
