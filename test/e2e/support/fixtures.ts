import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveRenderer } from '../../../scripts/rendererServer';
import { CentralServer, freePort } from './centralServer';

/**
 * Each test gets its own central server (fresh PGlite data folder, demo data seeded) and the built
 * renderer served to a fresh browser context, configured as the demo counter.
 */
interface Fixtures {
  server: CentralServer;
  appUrl: string;
}

const root = resolve(import.meta.dirname, '../../..');

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'counterdesk-e2e-'));
    const server = new CentralServer(await freePort(), dataDir);
    await server.start();
    await use(server);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
  appUrl: async ({ server }, use) => {
    const renderer = await serveRenderer({ dir: join(root, 'out/renderer'), hostConfig: { serverUrl: server.url, deviceId: 'demo-counter-01', deviceSecret: demoDeviceSecret } });
    await use(renderer.url);
    await renderer.close();
  },
});

export { expect } from '@playwright/test';

export const demoClerk = { username: 'clerk', password: 'clerk-demo-2026' };

/** The demo device's public secret, as the server's demo seed sets it (server/src/db/seedDemo.ts). */
export const demoDeviceSecret = 'demo-counter-01-public-demo-secret-not-for-production';
