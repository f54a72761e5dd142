import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicLookupLimit } from '../../server/src/authz/rateLimit';
import { testDatabaseUrl } from '../../server/src/testing/testDatabase';
import { startTestServer } from '../../server/src/testing/testServer';
import type { TestServer } from '../../server/src/testing/testServer';
import { buildApp } from '../../server/src/app';
import { defaultServerConfig } from '../../server/src/context/config';
import { createServerHome } from './support/serverProcess';
import type { ServerHome, ServerProcess } from './support/serverProcess';

/**
 * Two server processes behind one address (a load balancer's two backends) draw on one budget of
 * public lookups: the limit trips at the shared count, not at twice it. On PostgreSQL
 * (TEST_DATABASE_URL) they are two real processes of the server's entry point on one database; PGlite
 * cannot be opened by two processes, so there they are two apps of this process on one database.
 */
const lookupPath = '/v1/public/cases/115-KL01-000001-X?v=not-the-verifier';

/** Hits the servers in turn until one says 429; how many lookups were served before it. */
async function servedBeforeLimit(get: (index: number) => Promise<number>): Promise<number> {
  for (let i = 0; i < 3 * publicLookupLimit.max; i += 1) {
    const status = await get(i);
    if (status === 429) return i;
    expect(status).toBe(404);
  }
  return Number.POSITIVE_INFINITY;
}

/** Real processes use the real clock: start clear of a window's end, so the run stays in one window. */
async function awayFromWindowEnd(): Promise<void> {
  const left = publicLookupLimit.windowMs - (Date.now() % publicLookupLimit.windowMs);
  if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

describe(`two server processes behind one address (${testDatabaseUrl ? 'PostgreSQL, two processes' : 'PGlite, two apps'})`, () => {
  let home: ServerHome | undefined;
  let processes: ServerProcess[] = [];
  let inProcess: TestServer | undefined;

  beforeAll(async () => {
    if (testDatabaseUrl) {
      home = await createServerHome();
      // One after the other: both seed the demo data, which is idempotent but not concurrent.
      const first = await home.start();
      processes = [first, await home.start()];
    } else {
      inProcess = await startTestServer();
    }
  }, 180_000);
  afterAll(async () => {
    await home?.dispose();
    await inProcess?.close();
  });

  it('share the public page’s limit', { timeout: 180_000 }, async () => {
    if (home) {
      await awayFromWindowEnd();
      const served = await servedBeforeLimit(async (index) => (await fetch(`${processes[index % 2]?.url ?? ''}${lookupPath}`)).status);
      expect(served).toBe(publicLookupLimit.max);
      return;
    }
    const server = inProcess;
    if (!server) throw new Error('no server');
    const second = await buildApp({ db: server.db, config: defaultServerConfig(), now: server.clock.now, documentsDir: server.documentsDir });
    try {
      const apps = [server.app, second];
      const served = await servedBeforeLimit(async (index) => (await apps[index % 2]?.inject({ method: 'GET', url: lookupPath, remoteAddress: '192.0.2.80' }))?.statusCode ?? 0);
      expect(served).toBe(publicLookupLimit.max);
    } finally {
      await second.close();
    }
  });
});
