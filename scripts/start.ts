/**
 * `npm start`: the central server on its embedded database with demo data, then the desktop app.
 * Where the Electron binary is missing (it is fetched on first start on a machine with internet),
 * the same renderer is served to a browser instead and its URL printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { electronBinaryStatus } from '../electron/main/app/electronBinary';
import { serveRenderer } from './rendererServer';

const root = resolve(import.meta.dirname, '..');
const serverPort = Number(process.env.PORT ?? 8787);
const appPort = Number(process.env.APP_PORT ?? 5173);
const serverUrl = `http://127.0.0.1:${serverPort}`;
const deviceId = process.env.COUNTERDESK_DEVICE_ID ?? 'demo-counter-01';
// The demo device's public secret (server/src/db/seedDemo.ts); another device brings its own.
const deviceSecret = process.env.COUNTERDESK_DEVICE_SECRET ?? (deviceId === 'demo-counter-01' ? 'demo-counter-01-public-demo-secret-not-for-production' : undefined);
const children: ChildProcess[] = [];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Builds the renderer only when its sources are newer than the last build. */
async function ensureRendererBuilt(): Promise<void> {
  const index = join(root, 'out/renderer/index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')));
  if (built > sources) return;
  console.log('Building the renderer…');
  await run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
}

/**
 * Electron (since v42) fetches its binary on first use rather than at install, so that a missing
 * binary never fails `npm install`. Try that fetch once, quietly; without a network it fails fast
 * and the browser fallback takes over.
 */
async function ensureElectronBinary(): Promise<ReturnType<typeof electronBinaryStatus>> {
  const modules = join(root, 'node_modules');
  const status = electronBinaryStatus(modules);
  if (status.present || process.env.COUNTERDESK_BROWSER === '1') return status;
  const installer = join(modules, 'electron/install.js');
  if (!existsSync(installer)) return status;
  await new Promise<void>((done) => {
    const child = spawn(process.execPath, [installer], { cwd: root, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    // Said only when the fetch is really under way: without a network it fails at once, and the
    // fallback's own line says what happened.
    const slow = setTimeout(() => console.log('Fetching the Electron binary (first start; about 100 MB)…'), 2_000);
    child.on('exit', () => {
      clearTimeout(timer);
      clearTimeout(slow);
      done();
    });
    child.on('error', () => done());
  });
  return electronBinaryStatus(modules);
}

async function waitForServer(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${serverUrl}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the central server did not answer at ${serverUrl} within ${timeoutMs / 1000} s`);
}

function startServer(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/index.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: { LOG_LEVEL: 'warn', ...process.env, PORT: String(serverPort), HOST: '127.0.0.1', SEED_DEMO: '1', DATA_DIR: process.env.DATA_DIR ?? join(root, '.data/pglite') },
  });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM' && signal !== 'SIGINT') {
      console.error(`The central server stopped (${signal ?? `exit ${code}`}).`);
      shutdown(1);
    }
  });
  return child;
}

function shutdown(code: number): void {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

/** The front office's pages the server serves from the same build (docs/FRONT_OFFICE.md). */
function printFrontOffice(): void {
  console.log(`Ticket kiosk: ${serverUrl}/kiosk (enrol it once with a kiosk code: the admin console's Devices screen, kind 叫號機 / kiosk)`);
  console.log(`Hall display: ${serverUrl}/display`);
}

async function main(): Promise<void> {
  startServer();
  await Promise.all([ensureRendererBuilt(), waitForServer(20_000)]);
  printFrontOffice();
  const electron = await ensureElectronBinary();
  if (electron.present) {
    await run(process.execPath, [join(root, 'scripts/build-electron.mjs')]);
    const app = spawn(electron.executablePath, [root], { cwd: root, stdio: 'inherit', env: { ...process.env, COUNTERDESK_SERVER_URL: serverUrl, COUNTERDESK_DEVICE_ID: deviceId, ...(deviceSecret ? { COUNTERDESK_DEVICE_SECRET: deviceSecret } : {}) } });
    children.push(app);
    app.on('exit', () => shutdown(0));
    console.log(`Desktop app started; central server at ${serverUrl}`);
    return;
  }
  const renderer = await serveRenderer({ dir: join(root, 'out/renderer'), port: appPort, hostConfig: { serverUrl, deviceId, ...(deviceSecret ? { deviceSecret } : {}) } });
  console.log(`Electron binary not available (${electron.reason}); open the app in a browser at ${renderer.url}`);
  console.log(`Central server: ${serverUrl}   App: ${renderer.url}   (Ctrl+C stops both)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  shutdown(1);
});
