/**
 * The central server as a separate process (`node --import tsx server/src/index.ts`), so a test can
 * SIGKILL it mid-request and start it again on the same data: PGlite in DATA_DIR, or the PostgreSQL of
 * TEST_DATABASE_URL in a schema of its own.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, testDatabaseUrl } from '../../../server/src/testing/testDatabase';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
}

export interface ServerHome {
  dataDir: string;
  databaseUrl: string | undefined;
  start(): Promise<ServerProcess>;
  dispose(): Promise<void>;
}

export async function createServerHome(): Promise<ServerHome> {
  const dataDir = await mkdtemp(join(tmpdir(), 'counterdesk-server-'));
  const schema = testDatabaseUrl ? await createTestSchema() : undefined;
  const running = new Set<ChildProcess>();
  return {
    dataDir,
    databaseUrl: schema?.connectionString,
    start() {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: '1', LOG_LEVEL: process.env.DEBUG_SERVER_LOG ?? 'silent', DATABASE_URL: schema?.connectionString ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.add(child);
      child.on('exit', () => running.delete(child));
      return new Promise((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve({ url: match[1].replace('localhost', '127.0.0.1'), child });
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`server exited with ${code}: ${output}`));
        });
      });
    },
    async dispose() {
      for (const child of running) child.kill('SIGKILL');
      await schema?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** SIGKILL: no shutdown hook runs, in-flight transactions and writes are cut where they are. */
export function killHard(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}
