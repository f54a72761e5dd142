import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/schemas/case';
import { recordAudit } from '../db/auditStore';
import { getDb } from '../db/database';
import { deviceDataKey } from '../db/dataKeyHolder';
import { randomBytes } from '../db/recordCipher';
import { saveOfflineGrant } from '../db/offlineGrantStore';
import { saveSession } from '../db/sessionStore';
import { loadRevocation, loadRevocationExport } from '../db/wipe';
import { handleDeviceRevoked } from './deviceRevocation';
import { fromBase64 } from '../db/base64';
import { caseRecordFixture } from '../testing/caseRecordFixture';
import { ANSWERED_THROUGH_KEY } from '../db/outboxProgress';

const record = caseRecordFixture;

const session = {
  token: 'a'.repeat(43),
  expiresAt: '2026-03-02T09:00:00.000Z',
  user: { username: 'clerk', displayName: 'Clerk', roles: ['clerk' as const] },
  device: { id: 'demo-counter-01', name: 'Counter 1', stationCode: 'KL01' },
  serverTime: '2026-03-02T01:00:00.000Z',
};

/**
 * A device that worked offline: one case synced before, one made offline and still in the outbox. The
 * server's answer to the first is `counted` (outboxProgress.ts, as a sync records it now) or `written`
 * on the entry (as earlier versions did, and as a push with skipped answers still does).
 */
async function workOffline(answer: 'counted' | 'written' = 'counted'): Promise<{ synced: CaseRecord; unsynced: CaseRecord }> {
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  const synced = record(1);
  const unsynced = record(2);
  await db.cases.bulkPut([
    { ...synced, syncState: 'synced', syncedAt: '2026-11-27T02:01:00.000Z' },
    { ...unsynced, syncState: 'pending' },
  ]);
  await db.outbox.bulkPut([
    { id: 1, caseId: synced.id, state: answer === 'written' ? 'applied' : 'pending', mutation: { id: 1, name: 'createCase', args: { case: synced }, createdAt: '2026-11-27T02:00:00.000Z' } },
    { id: 2, caseId: unsynced.id, state: 'pending', mutation: { id: 2, name: 'createCase', args: { case: unsynced }, createdAt: '2026-11-27T03:00:00.000Z' } },
  ]);
  if (answer === 'counted') await db.meta.put({ key: ANSWERED_THROUGH_KEY, value: 1 });
  await db.drafts.put({ key: 'clerk', savedAt: '2026-11-27T03:05:00.000Z', data: { applicantName: '陳大文' } });
  await recordAudit(unsynced.id, 'clerk', 'viewed');
  await saveSession(session);
  await saveOfflineGrant({ username: 'clerk', salt: 'AA==', iterations: 1, verifier: 'AA==', expiresAt: '2026-03-09T00:00:00.000Z', failures: [], session });
  return { synced, unsynced };
}

async function recoveryKeyPair(): Promise<{ publicJwk: string; privateKey: CryptoKey }> {
  const pair = await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['wrapKey', 'unwrapKey']);
  return { publicJwk: JSON.stringify(await crypto.subtle.exportKey('jwk', pair.publicKey)), privateKey: pair.privateKey };
}

describe('a device revoked while it worked offline', () => {
  beforeEach(async () => {
    // The app's database encrypts: a revocation found by a sync runs on an unlocked device.
    deviceDataKey.set(randomBytes(32));
    await getDb().open();
  });

  it('exports the unsynced work encrypted for the administrators first, then removes all taxpayer data', async () => {
    const { unsynced } = await workOffline();
    const { publicJwk, privateKey } = await recoveryKeyPair();
    const record = await handleDeviceRevoked({ deviceId: 'demo-counter-01', message: 'Laptop reported stolen', recoveryPublicKey: publicJwk });
    expect(record).toMatchObject({ message: 'Laptop reported stolen', unsynced: 'exported' });

    const db = getDb();
    for (const table of [db.cases, db.outbox, db.drafts, db.documents, db.audit, db.feedback]) expect(await table.count(), table.name).toBe(0);
    const metaKeys = (await db.meta.toCollection().primaryKeys()).map(String).sort();
    expect(metaKeys).toEqual(['deviceRevoked', 'revocationExport']);

    const exported = await loadRevocationExport();
    expect(exported).toBeDefined();
    if (!exported) return;
    expect(JSON.stringify(exported)).not.toContain('王小明');
    const key = await crypto.subtle.unwrapKey('raw', fromBase64(exported.wrappedKey), privateKey, { name: 'RSA-OAEP' }, { name: 'AES-GCM' }, false, ['decrypt']);
    const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(exported.iv) }, key, fromBase64(exported.ciphertext));
    const work = JSON.parse(new TextDecoder().decode(plaintext)) as { cases: Array<{ id: string }>; outbox: Array<{ id: number }>; drafts: unknown[]; audit: unknown[]; reason: string };
    expect(work.cases.map((c) => c.id)).toEqual([unsynced.id]);
    expect(work.outbox.map((o) => o.id)).toEqual([2]);
    expect(work.drafts).toHaveLength(1);
    expect(work.audit).toHaveLength(1);
    expect(work.reason).toBe('Laptop reported stolen');

    // The next start finds the reason, even offline; a second revocation answer changes nothing.
    expect(await loadRevocation()).toMatchObject({ unsynced: 'exported' });
    expect(await handleDeviceRevoked({ deviceId: 'demo-counter-01', message: 'Laptop reported stolen' })).toMatchObject({ unsynced: 'exported' });
    expect(await loadRevocationExport()).toEqual(exported);
  });

  it.each(['counted', 'written'] as const)('without a recovery key, removes only what the server confirmed and keeps the unsynced work (answer %s)', async (answer) => {
    const { synced, unsynced } = await workOffline(answer);
    const record = await handleDeviceRevoked({ deviceId: 'demo-counter-01', message: 'Retired' });
    expect(record.unsynced).toBe('kept');
    const db = getDb();
    expect((await db.cases.toArray()).map((c) => c.id)).toEqual([unsynced.id]);
    expect(await db.cases.get(synced.id)).toBeUndefined();
    expect((await db.outbox.toArray()).map((o) => o.id)).toEqual([2]);
    expect(await db.drafts.count()).toBe(1);
    expect(await db.meta.get('session')).toBeUndefined();
    expect(await db.meta.get('offlineGrant:clerk')).toBeUndefined();
    expect(await loadRevocationExport()).toBeUndefined();
  });

  it('with nothing unsynced, removes everything and exports nothing', async () => {
    await workOffline();
    const db = getDb();
    await db.outbox.update(2, { state: 'applied' });
    await db.cases.toCollection().modify({ syncState: 'synced' });
    await db.drafts.clear();
    await db.table('audit').toCollection().modify({ pushed: 1 });
    const record = await handleDeviceRevoked({ deviceId: 'demo-counter-01', message: 'Retired' });
    expect(record.unsynced).toBe('none');
    expect(await db.cases.count()).toBe(0);
    expect(await loadRevocationExport()).toBeUndefined();
  });
});
