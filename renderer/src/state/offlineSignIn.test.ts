import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StoredSession } from '../db/records';
import { getDb } from '../db/database';
import { OFFLINE_FAILURE_LIMIT, OFFLINE_WINDOW_MS, offlineSignIn, rememberOfflineGrant } from './offlineSignIn';
import { PBKDF2_ITERATIONS } from './passwordKey';

const now = new Date('2026-03-02T01:00:00.000Z');
const session: StoredSession = {
  token: 'a'.repeat(43),
  expiresAt: '2026-03-02T09:00:00.000Z',
  user: { username: 'clerk', displayName: 'Clerk', roles: ['clerk'] },
  device: { id: 'demo-counter-01', name: 'Counter 1', stationCode: 'KL01' },
  serverTime: now.toISOString(),
  offlineGrant: { expiresAt: '2026-03-09T01:00:00.000Z' },
};
const later = (ms: number) => new Date(now.getTime() + ms);

describe('offline sign-in', () => {
  beforeEach(async () => {
    await getDb().meta.clear();
  });

  it('derives with at least 310 000 PBKDF2 iterations and never stores the password', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(310_000);
    await rememberOfflineGrant(session, 'clerk-demo-2026');
    const stored = JSON.stringify(await getDb().meta.toArray());
    expect(stored).not.toContain('clerk-demo-2026');
    expect(stored).toContain('"iterations":310000');
  });

  it('signs in offline with the password used online, until the grant expires', async () => {
    await rememberOfflineGrant(session, 'clerk-demo-2026', 1000);
    const result = await offlineSignIn('Clerk', 'clerk-demo-2026', 'demo-counter-01', later(60_000));
    expect(result).toMatchObject({ ok: true, session: { user: { username: 'clerk' }, expiresAt: '2026-03-09T01:00:00.000Z' } });
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', new Date('2026-03-09T01:00:00.000Z'))).toEqual({ ok: false, reason: 'expired' });
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'other-device', later(1))).toEqual({ ok: false, reason: 'other-device' });
    expect(await offlineSignIn('supervisor', 'x', 'demo-counter-01', later(1))).toEqual({ ok: false, reason: 'no-grant' });
  });

  it('grants nothing when the server gave no offline grant', async () => {
    const { offlineGrant: _none, ...withoutGrant } = session;
    await rememberOfflineGrant(withoutGrant, 'clerk-demo-2026', 1000);
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', later(1))).toEqual({ ok: false, reason: 'no-grant' });
  });

  it(`locks after ${OFFLINE_FAILURE_LIMIT} failures in 15 minutes, even for the right password, then lets in again`, async () => {
    await rememberOfflineGrant(session, 'clerk-demo-2026', 1000);
    for (let i = 0; i < OFFLINE_FAILURE_LIMIT; i += 1) {
      expect(await offlineSignIn('clerk', `wrong-${i}`, 'demo-counter-01', later(i * 1000))).toEqual({ ok: false, reason: 'wrong-password' });
    }
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', later(20_000))).toEqual({ ok: false, reason: 'locked' });
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', later(OFFLINE_WINDOW_MS + 10_000))).toMatchObject({ ok: true });
    // Success cleared the failures.
    expect(await offlineSignIn('clerk', 'wrong', 'demo-counter-01', later(OFFLINE_WINDOW_MS + 11_000))).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', later(OFFLINE_WINDOW_MS + 12_000))).toMatchObject({ ok: true });
  });
});
