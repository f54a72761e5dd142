import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredSession } from '../db/records';
import { getDb } from '../db/database';
import { deviceDataKey } from '../db/dataKeyHolder';
import { randomBytes } from '../db/recordCipher';
import { DeviceClock, type ClockSources } from './deviceClock';
import { OFFLINE_FAILURE_LIMIT, OFFLINE_WINDOW_MS, grantSession, offlineSignIn, rememberOfflineGrant, type OfflineClock } from './offlineSignIn';
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
/** A clock that reads `ms` after `now` both ways. */
const later = (ms: number): OfflineClock => ({ latest: async () => now.getTime() + ms, earliest: async () => now.getTime() + ms });
const keys = () => deviceDataKey.require();

describe('offline sign-in', () => {
  beforeEach(async () => {
    await getDb().meta.clear();
    deviceDataKey.set(randomBytes(32));
  });
  afterEach(() => deviceDataKey.clear());

  it('derives with at least 310 000 PBKDF2 iterations, never stores the password, and keeps the session token sealed', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(310_000);
    await rememberOfflineGrant(session, 'clerk-demo-2026', keys());
    const stored = JSON.stringify(await getDb().meta.toArray());
    expect(stored).not.toContain('clerk-demo-2026');
    expect(stored).not.toContain(session.token);
    expect(stored).toContain('"iterations":310000');
  });

  it('signs in offline with the password used online, until the grant expires', async () => {
    await rememberOfflineGrant(session, 'clerk-demo-2026', keys(), 1000);
    const result = await offlineSignIn('Clerk', 'clerk-demo-2026', 'demo-counter-01', later(60_000));
    if (!result.ok) throw new Error(result.reason);
    expect(grantSession(result.grant, keys())).toMatchObject({ token: session.token, user: { username: 'clerk' }, expiresAt: '2026-03-09T01:00:00.000Z' });
    const atExpiry = new Date('2026-03-09T01:00:00.000Z').getTime() - now.getTime();
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', later(atExpiry))).toEqual({ ok: false, reason: 'expired' });
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'other-device', later(1))).toEqual({ ok: false, reason: 'other-device' });
    expect(await offlineSignIn('supervisor', 'x', 'demo-counter-01', later(1))).toEqual({ ok: false, reason: 'no-grant' });
  });

  it('grants nothing when the server gave no offline grant', async () => {
    const { offlineGrant: _none, ...withoutGrant } = session;
    await rememberOfflineGrant(withoutGrant, 'clerk-demo-2026', keys(), 1000);
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', later(1))).toEqual({ ok: false, reason: 'no-grant' });
  });

  it(`locks after ${OFFLINE_FAILURE_LIMIT} failures in 15 minutes, even for the right password, then lets in again`, async () => {
    await rememberOfflineGrant(session, 'clerk-demo-2026', keys(), 1000);
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

/** A wall clock anyone can turn and a monotonic one nobody can, over a record that survives "restarts". */
function machine(wallAt: Date) {
  let wall = wallAt.getTime();
  let mono = 1_000;
  let stored: { latest: number; earliest: number } | undefined;
  const sources: ClockSources = { wall: () => wall, monotonic: () => mono };
  const storage = { load: async () => stored, save: async (record: { latest: number; earliest: number }) => void (stored = record) };
  return {
    /** The app starts (again): a new clock over the same record; the monotonic clock starts anew. */
    start: () => {
      mono = 0;
      return new DeviceClock(sources, storage);
    },
    pass: (ms: number) => {
      wall += ms;
      mono += ms;
    },
    setWall: (date: Date) => (wall = date.getTime()),
  };
}

describe('offline sign-in on the device clock', () => {
  beforeEach(async () => {
    await getDb().meta.clear();
    deviceDataKey.set(randomBytes(32));
  });
  afterEach(() => deviceDataKey.clear());

  it('does not extend an expired grant when the wall clock is turned back, in the same run or across a restart', async () => {
    const pc = machine(now);
    let clock = pc.start();
    await clock.sawServerTime(session.serverTime);
    await rememberOfflineGrant(session, 'clerk-demo-2026', keys(), 1000);
    pc.pass(8 * 24 * 3600_000);
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', clock)).toEqual({ ok: false, reason: 'expired' });
    pc.setWall(new Date('2026-03-03T01:00:00.000Z'));
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', clock)).toEqual({ ok: false, reason: 'expired' });
    clock = pc.start();
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', clock)).toEqual({ ok: false, reason: 'expired' });
  });

  it('keeps a grant valid by the server’s time when the device clock was wrong from the start, and expires it on the server’s time', async () => {
    const pc = machine(new Date('2026-02-20T00:00:00.000Z'));
    const clock = pc.start();
    await clock.sawServerTime(session.serverTime);
    await rememberOfflineGrant(session, 'clerk-demo-2026', keys(), 1000);
    pc.pass(6 * 24 * 3600_000);
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', clock)).toMatchObject({ ok: true });
    pc.pass(2 * 24 * 3600_000);
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', clock)).toEqual({ ok: false, reason: 'expired' });
  });

  it('does not let a lock-out be skipped by turning the clock forward or by restarting', async () => {
    const pc = machine(now);
    let clock = pc.start();
    await clock.sawServerTime(session.serverTime);
    await rememberOfflineGrant(session, 'clerk-demo-2026', keys(), 1000);
    for (let i = 0; i < OFFLINE_FAILURE_LIMIT; i += 1) await offlineSignIn('clerk', `wrong-${i}`, 'demo-counter-01', clock);
    pc.setWall(new Date(now.getTime() + OFFLINE_WINDOW_MS * 2));
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', clock)).toEqual({ ok: false, reason: 'locked' });
    clock = pc.start();
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', clock)).toEqual({ ok: false, reason: 'locked' });
    // The wait counts while the app runs.
    pc.pass(OFFLINE_WINDOW_MS + 1000);
    expect(await offlineSignIn('clerk', 'clerk-demo-2026', 'demo-counter-01', clock)).toMatchObject({ ok: true });
  });
});
