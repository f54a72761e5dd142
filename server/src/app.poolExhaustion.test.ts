import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { defaultServerConfig } from './context/config';
import { createPostgresDatabase } from './db/database';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { seedDemo } from './db/seedDemo';
import { createTestSchema, testDatabaseUrl } from './testing/testDatabase';
import { deviceHeaders } from './testing/testServer';

const POOL_TIMEOUT_MS = 300;

/** A database server that accepts connections and never answers: every connection attempt hangs. */
async function startBlackHole(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function appOver(db: Database): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const documentsDir = await mkdtemp(join(tmpdir(), 'counterdesk-pool-'));
  const app = await buildApp({ db, config: defaultServerConfig(), documentsDir });
  return {
    app,
    async close() {
      await app.close();
      await rm(documentsDir, { recursive: true, force: true });
    },
  };
}

const lookup = (app: FastifyInstance, page: 'json' | 'html') =>
  app.inject({ method: 'GET', url: page === 'json' ? '/v1/public/cases/115-KL01-000001-X?v=abc' : '/q/115-KL01-000001-X?v=abc' });

describe('a database pool with no connection to give', () => {
  it('answers 503 unavailable with Retry-After while the one connection hangs, for the API and the page', async () => {
    const blackHole = await startBlackHole();
    const db = createPostgresDatabase({ connectionString: `postgres://nobody@127.0.0.1:${blackHole.port}/none`, maxConnections: 1, connectionTimeoutMs: POOL_TIMEOUT_MS });
    const { app, close } = await appOver(db);
    try {
      // The first holds the pool's only slot while its connection hangs; the others queue behind it.
      const [first, second, page, signIn] = await Promise.all([
        lookup(app, 'json'),
        lookup(app, 'json'),
        lookup(app, 'html'),
        app.inject({ method: 'POST', url: '/v1/auth/sign-in', headers: deviceHeaders(), payload: { username: 'clerk', password: 'x', deviceId: 'demo-counter-01' } }),
      ]);
      for (const response of [first, second, signIn]) {
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toBe('2');
        expect(response.json()).toMatchObject({ error: { code: 'unavailable' } });
      }
      expect(page.statusCode).toBe(503);
      expect(page.headers['retry-after']).toBe('2');
      expect(page.headers['content-type']).toMatch(/^text\/html/);
    } finally {
      await close();
      await db.close();
      await blackHole.close();
    }
  });
});

describe('a PostgreSQL pool of one held busy', () => {
  let schema: Awaited<ReturnType<typeof createTestSchema>> | undefined;
  beforeAll(async () => {
    if (testDatabaseUrl) schema = await createTestSchema();
  });
  afterAll(() => schema?.drop());

  it('answers 503 with Retry-After while the connection is held, and serves again once it is free', async () => {
    if (!schema) {
      // PGlite has one connection and a queue in the process: nothing to exhaust, nothing times out.
      expect(testDatabaseUrl).toBeUndefined();
      return;
    }
    const db = createPostgresDatabase({ connectionString: schema.connectionString, maxConnections: 1, connectionTimeoutMs: POOL_TIMEOUT_MS });
    await migrate(db);
    await seedDemo(db);
    const { app, close } = await appOver(db);
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let entered!: () => void;
      const holding = new Promise<void>((resolve) => {
        entered = resolve;
      });
      const holder = db.transaction(async () => {
        entered();
        await held;
      });
      await holding;
      const busy = await lookup(app, 'json');
      expect(busy.statusCode).toBe(503);
      expect(busy.headers['retry-after']).toBe('2');
      expect(busy.json()).toMatchObject({ error: { code: 'unavailable' } });
      release();
      await holder;
      const served = await lookup(app, 'json');
      expect(served.statusCode).toBe(404);
    } finally {
      await close();
      await db.close();
    }
  });
});
