/**
 * People taking turns on one computer (docs/decisions/0017-shared-device-escrow.md), end to end in
 * Node: the renderer's real session state and data key code on fake-indexeddb, with the browser host's
 * "no OS key store", against a real central server listening on a port.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, type HostBridge, type HostConfig } from '../../shared/ipc/contract';
import { getClientId } from '../../renderer/src/db/outbox';
import { getDb } from '../../renderer/src/db/database';
import { loadDraft, saveDraft } from '../../renderer/src/db/draftStore';
import { listKeyring } from '../../renderer/src/db/keyringStore';
import { sealingSettled, useDataLock } from '../../renderer/src/state/dataKey';
import { OfflineSignInError, useSession } from '../../renderer/src/state/sessionState';
import { demoDevice } from '../../server/src/db/seedDemo';
import { startTestServer, type TestServer } from '../../server/src/testing/testServer';

const status = { backend: 'browser', protectsAtRest: false };
const browserHost: Partial<HostBridge> = {
  'keys:status': async () => ({ ok: true, value: status }),
  'keys:wrap': async () => ({ ok: true, value: status }),
  'keys:unwrap': async () => ({ ok: false, code: 'invalid_request', message: 'the browser host keeps no wrapped key' }),
};

describe('people taking turns on one browser', () => {
  let server: TestServer;
  let online: HostConfig;
  let offline: HostConfig;
  beforeAll(async () => {
    server = await startTestServer();
    // The device judges its offline grant by its own clock: the server's must agree with it.
    server.clock.advance(Date.now() - server.clock.now().getTime());
    // After PGlite has started: it takes a global `window` for a browser.
    Object.assign(globalThis, { window: { [BRIDGE_GLOBAL]: browserHost } });
    const url = (await server.app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
    online = { serverUrl: url, deviceId: demoDevice.id, deviceSecret: demoDevice.secret };
    // Nothing listens on port 9 (discard) here: every request fails as a network error.
    offline = { ...online, serverUrl: 'http://127.0.0.1:9' };
  });
  afterAll(async () => {
    await sealingSettled();
    await server.close();
  });

  const signIn = async (config: HostConfig, username: string, password: string) => {
    await useSession.getState().init(config);
    await useSession.getState().signIn(username, password);
  };

  it('clerk saves, signs out; supervisor reads it online, then offline; a newcomer offline is told to sign in online first', async () => {
    await signIn(online, 'clerk', 'clerk-demo-2026');
    expect(useDataLock.getState().unlocked).toBe(true);
    await saveDraft('clerk', { fields: { name: '王小明' } });
    await useSession.getState().signOut();
    expect(useDataLock.getState().unlocked).toBe(false);
    expect((await listKeyring()).map((row) => row.id).sort()).toEqual(['escrow', 'user:clerk']);

    await signIn(online, 'supervisor', 'supervisor-demo-2026');
    expect(useSession.getState()).toMatchObject({ offline: false, session: { user: { username: 'supervisor' } } });
    expect(useDataLock.getState().unlocked).toBe(true);
    expect(await loadDraft('clerk')).toEqual({ fields: { name: '王小明' } });

    // The server holds this install's escrow key; the device stores it nowhere (session, grants, keyring).
    const { rows } = await server.db.query<{ key: string }>(`SELECT encode(escrow_key, 'base64') AS key FROM device_escrow_keys WHERE device_id = $1 AND client_id = $2`, [
      demoDevice.id,
      await getClientId(),
    ]);
    const escrowKey = rows[0]?.key ?? 'missing';
    expect(escrowKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const stored = JSON.stringify([await getDb().meta.toArray(), await getDb().table('keyring').toArray()]);
    expect(stored).not.toContain(escrowKey);
    expect(stored).not.toContain('escrowKey');
    await useSession.getState().signOut();

    await signIn(offline, 'supervisor', 'supervisor-demo-2026');
    expect(useSession.getState()).toMatchObject({ offline: true, session: { user: { username: 'supervisor' } } });
    expect(await loadDraft('clerk')).toEqual({ fields: { name: '王小明' } });
    await useSession.getState().signOut();

    const refusal = await signIn(offline, 'fieldstaff', 'field-demo-2026').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(OfflineSignInError);
    expect((refusal as OfflineSignInError).reason).toBe('no-grant');
    expect(useSession.getState().session).toBeUndefined();
    expect(useDataLock.getState().unlocked).toBe(false);
  });
});
