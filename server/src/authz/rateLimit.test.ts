import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServerConfig } from '../context/config';
import type { Database } from '../db/database';
import { registerErrorHandling } from '../http/errorHandling';
import { openTestDatabase } from '../testing/testDatabase';
import { registerAuthorization } from './authorization';
import { clientOf } from './rateLimit';
import { deleteEndedWindows } from './rateLimitWindows';

const limit = { max: 3, windowMs: 60_000 };

/** A server process in miniature: the real guard over a shared database, one limited route that counts its calls. */
async function limitedApp(db: Database, now: () => Date, calls: { count: number }): Promise<FastifyInstance> {
  const app = Fastify();
  registerErrorHandling(app);
  registerAuthorization(app, { db, config: defaultServerConfig(), now, serviceIds: new Set() });
  app.get('/limited', { config: { action: 'public', rateLimit: limit } }, async () => {
    calls.count += 1;
    return { ok: true };
  });
  await app.ready();
  return app;
}

describe('request limits counted in the database', () => {
  let db: Database;
  let current = new Date('2026-03-02T01:00:10.000Z');
  const now = () => new Date(current);

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  const get = (app: FastifyInstance, remoteAddress: string) => app.inject({ method: 'GET', url: '/limited', remoteAddress });

  it('never runs the handler of a request over the limit', async () => {
    const calls = { count: 0 };
    const app = await limitedApp(db, now, calls);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await get(app, '192.0.2.10')).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(calls.count).toBe(3);
      const limited = await get(app, '192.0.2.10');
      // 50 s of the minute's window are left.
      expect(limited.headers['retry-after']).toBe('50');
      expect(limited.json()).toEqual({ error: { code: 'rate_limited', message: 'Too many requests: try again in a minute' } });
      expect(calls.count).toBe(3);
    } finally {
      await app.close();
    }
  });

  it('gives two processes on one database one budget, and each address its own', async () => {
    const calls = { count: 0 };
    const [first, second] = [await limitedApp(db, now, calls), await limitedApp(db, now, calls)];
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await get(i % 2 === 0 ? first : second, '192.0.2.20')).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
      expect(calls.count).toBe(3);
      expect((await get(second, '192.0.2.21')).statusCode).toBe(200);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('opens a new window when the old one ends, and the cleanup removes ended windows only', async () => {
    const calls = { count: 0 };
    const app = await limitedApp(db, now, calls);
    try {
      for (let i = 0; i < 4; i += 1) await get(app, '192.0.2.30');
      expect((await get(app, '192.0.2.30')).statusCode).toBe(429);
      current = new Date(current.getTime() + limit.windowMs);
      expect((await get(app, '192.0.2.30')).statusCode).toBe(200);
      const before = await db.query('SELECT 1 FROM rate_limit_windows');
      const removed = await deleteEndedWindows(db, now());
      const { rows } = await db.query<{ key: string }>('SELECT key FROM rate_limit_windows');
      expect(removed).toBeGreaterThan(0);
      expect(rows).toEqual([{ key: '/limited 192.0.2.30' }]);
      expect(before.rowCount).toBe(removed + 1);
    } finally {
      await app.close();
    }
  });
});

describe('the address a request is counted against', () => {
  it('is an IPv6 client’s /64, an IPv4-mapped client’s IPv4 address, anything else as it is', () => {
    expect(clientOf('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd:12::/64');
    expect(clientOf('2001:db8:abcd:12::ffff')).toBe('2001:db8:abcd:12::/64');
    expect(clientOf('2001:DB8:0:0::1')).toBe('2001:db8:0:0::/64');
    expect(clientOf('::1')).toBe('0:0:0:0::/64');
    expect(clientOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientOf('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientOf('192.0.2.7')).toBe('192.0.2.7');
  });
});
