import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoDevice } from '../../../server/src/db/seedDemo';
import { createServerHome } from '../../../test/integration/support/serverProcess';
import { buildRecord } from '../../../test/integration/support/syncWorld';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import type { DeviceBenchInput, MemoryCost } from '../syncDevice/main';
import { serveDevicePage } from './devicePage';
import { chromiumPids, cpuMeter, pgrepAll, type CpuMeter } from './processCpu';
import { signInClerk } from './signInClerk';
import { startRawUploadServer } from './startRawUploadServer';

/** What one run uploads: `cases` cases with two scans of `docBytes` each, `concurrency` uploads at a time. */
export interface UploadSize {
  cases: number;
  docBytes: number;
  concurrency: number;
}

export interface UploadRun {
  syncMs: number;
  rawMs: number;
  memory: MemoryCost;
}

/** BENCH_CPU=1: the processes' CPU time between the device page's marks. */
function uploadCpuMeter(profileDir: string, serverPid: number, rawPid: number): CpuMeter | undefined {
  if (!process.env.BENCH_CPU) return undefined;
  return cpuMeter({
    'chromium page': () => chromiumPids(profileDir, '--type=renderer'),
    'chromium services': () => chromiumPids(profileDir, '--type=utility'),
    'chromium all': () => pgrepAll(`user-data-dir=${profileDir}`),
    server: () => [serverPid],
    'raw server': () => [rawPid],
    postgres: () => pgrepAll('^postgres'),
  });
}

/** One run of the upload bench (the device page built in `pageDir`): a fresh server, raw server, profile and device. */
export async function uploadRun(pageDir: string, size: UploadSize): Promise<UploadRun> {
  const home = await createServerHome();
  const work = await mkdtemp(join(tmpdir(), 'counterdesk-bench-sync-'));
  const opened: Array<{ close: () => void }> = [];
  let cpu: CpuMeter | undefined;
  try {
    await mkdir(join(work, 'raw'));
    const server = await home.start();
    const raw = await startRawUploadServer(join(work, 'raw'));
    opened.push(raw);
    const { headers, token } = await signInClerk(server.url);
    const records = Array.from({ length: size.cases }, (_, index) => buildRecord(demoDevice.stationCode, index + 1));
    const input: DeviceBenchInput = {
      records,
      stationCode: demoDevice.stationCode,
      docsPerCase: 2,
      docBytes: size.docBytes,
      serverUrl: server.url,
      rawUrl: `${raw.url}/raw`,
      token,
      headers,
      concurrency: size.concurrency,
      profile: Boolean(process.env.BENCH_SYNC_PROFILE),
    };
    const devicePage = await serveDevicePage(pageDir, input, (phase) => cpu?.mark(phase));
    opened.push(devicePage);
    const profileDir = join(work, 'profile');
    const browser = spawn(CHROMIUM_PATH, ['--headless=new', ...CHROMIUM_ARGS, `--user-data-dir=${profileDir}`, devicePage.url], { stdio: 'ignore' });
    cpu = uploadCpuMeter(profileDir, server.child.pid ?? 0, raw.pid);
    opened.push({ close: () => void browser.kill() });
    const result = await Promise.race([
      devicePage.result,
      new Promise<never>((_, reject) => browser.once('exit', (code) => reject(new Error(`Chromium exited with ${code} before the device page reported`)))),
    ]);
    if ('error' in result) throw new Error(`the device page failed: ${result.error}`);
    if (result.uploaded !== size.cases * 2) throw new Error(`uploaded ${result.uploaded} of ${size.cases * 2}`);
    console.log(`  device seeded ${size.cases} cases and ${size.cases * 2} encrypted documents in ${(result.seedMs / 1000).toFixed(1)} s; new memory ${result.memory.freshMsPerMb.toFixed(2)} ms/MiB (in use ${result.memory.reusedMsPerMb.toFixed(2)}); raw ${(result.rawMs / 1000).toFixed(1)} s, sync ${(result.syncMs / 1000).toFixed(1)} s (${Object.entries(result.phases).map(([phase, ms]) => `${phase} from ${(ms / 1000).toFixed(1)} s`).join(', ')})`);
    return { syncMs: result.syncMs, rawMs: result.rawMs, memory: result.memory };
  } finally {
    for (const item of opened.reverse()) item.close();
    await home.dispose();
    await rm(work, { recursive: true, force: true });
  }
}
