/**
 * The demo counter the browser benches measure: the built renderer served as the demo device
 * (server/src/db/seedDemo.ts) against a real central server with the demo data, and the demo clerk
 * who signs in to it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { demoDevice, demoUsers } from '../../../server/src/db/seedDemo';
import { CentralServer, freePort } from '../../../test/e2e/support/centralServer';
import { serveRenderer } from '../../rendererServer';

const root = resolve(import.meta.dirname, '../../..');

function demoUser(username: string): { username: string; password: string } {
  const user = demoUsers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`the demo seed has no user ${username}`);
  return { username: user.username, password: user.password };
}

export const DEMO_CLERK = demoUser('clerk');
/** The demo officer: an officer of every unit (server/src/db/seedDemo.ts). */
export const DEMO_OFFICER = demoUser('officer');

export interface CounterApp {
  /** A temporary folder for the bench's own files, removed with the rest on stop. */
  work: string;
  /** The renderer's address, as the counter's window opens it. */
  url: string;
  /** Stops the central server: the counter is offline from then on (stop still cleans up). */
  goOffline: () => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts the central server (its data in a temporary folder named from `prefix`) and serves the renderer, built first when it is missing. */
export async function startCounterApp(prefix: string): Promise<CounterApp> {
  if (!existsSync(join(root, 'out/renderer/index.html'))) execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  const work = mkdtempSync(join(tmpdir(), prefix));
  const server = new CentralServer(await freePort(), join(work, 'server'));
  await server.start();
  const renderer = await serveRenderer({ dir: join(root, 'out/renderer'), hostConfig: { serverUrl: server.url, deviceId: demoDevice.id, deviceSecret: demoDevice.secret } });
  return {
    work,
    url: renderer.url,
    goOffline: () => server.stop(),
    stop: async () => {
      await renderer.close();
      await server.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** A demo user signs in on the sign-in screen, as at the counter. */
export async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByLabel('帳號').fill(user.username);
  await page.getByLabel('密碼').fill(user.password);
  await page.getByLabel('密碼').press('Enter');
}

/** Opens the counter at `url` and signs the demo clerk in, until the counter's station shows. */
export async function openSignedIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await signIn(page, DEMO_CLERK);
  await page.getByText('櫃台: KL01').waitFor({ timeout: 60_000 });
}
