import 'fake-indexeddb/auto';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInResponseSchema } from '../../shared/schemas/auth';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../shared/schemas/device';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, pullResponseSchema } from '../../shared/sync/protocol';
import { demoDevice } from '../../server/src/db/seedDemo';
import { createCase, getCase } from '../../renderer/src/db/caseStore';
import { countPending, getClientId } from '../../renderer/src/db/outbox';
import { reserveCaseNumbers } from '../../renderer/src/sync/reserveCaseNumbers';
import { formatCaseNo } from '../../shared/domain/caseNumber';
import { rocYearAt } from '../../shared/domain/caseNumberBlocks';
import { CounterDeskDb } from '../../renderer/src/db/database';
import { addDocument, listUploads } from '../../renderer/src/db/documentStore';
import { syncOnce } from '../../renderer/src/sync/syncClient';
import { startFaultProxy, type FaultProxy } from './support/faultProxy';
import { createServerHome, killHard, type ServerHome, type ServerProcess } from './support/serverProcess';
import { buildRecord } from './support/syncWorld';

const MB = 1024 * 1024;
const headers = { [DEVICE_ID_HEADER]: demoDevice.id, [DEVICE_SECRET_HEADER]: demoDevice.secret };

describe('the server killed with SIGKILL during a push and during an upload', () => {
  let home: ServerHome;
  let server: ServerProcess;
  let proxy: FaultProxy;
  let token: string;
  const local = new CounterDeskDb(`kill-${randomUUID()}`);
  const sync = (chunkSize?: number) => syncOnce({ db: local, serverUrl: proxy.url, token, headers, requestTimeoutMs: 10_000, stallTimeoutMs: 10_000, chunkSize });
  const restart = async () => {
    server = await home.start();
    proxy.setTarget(server.url);
  };

  beforeAll(async () => {
    home = await createServerHome();
    server = await home.start();
    proxy = await startFaultProxy({ target: server.url, seed: 1, rate: 0 });
    const response = await fetch(new URL('/v1/auth/sign-in', proxy.url), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clerk', password: 'clerk-demo-2026', deviceId: demoDevice.id }),
    });
    token = signInResponseSchema.parse(await response.json()).token;
    // As the app does right after signing in: the install gets its case numbers (decision 0016).
    await reserveCaseNumbers({
      api: { serverUrl: proxy.url, token, headers: { ...headers, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) } },
      db: local,
      stationCode: demoDevice.stationCode,
      clientId: await getClientId(local),
      now: new Date(),
      mode: 'check',
    });
  }, 120_000);
  afterAll(async () => {
    await proxy.close();
    await home.dispose();
  });

  const rocYear = rocYearAt(new Date());
  const stationCode = demoDevice.stationCode;
  const newCase = () => createCase({ stationCode, rocYear, build: (sequence) => buildRecord(stationCode, sequence, { caseNo: formatCaseNo({ rocYear, stationCode, sequence }) }) }, local);

  async function serverCaseCount(): Promise<{ cases: number; caseNos: Set<string> }> {
    const response = await fetch(new URL('/v1/sync/pull?cursor=0&limit=1000', proxy.url), {
      headers: { ...headers, authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
    });
    const page = pullResponseSchema.parse(await response.json());
    // This station's cases: the demo data the server seeds (a renewal due, under a station of its own) is not this test's.
    const ours = page.changes.flatMap((change) => (change.kind === 'case' && change.data.stationCode === stationCode ? [change.data.caseNo] : []));
    return { cases: ours.length, caseNos: new Set(ours) };
  }

  it('loses and duplicates nothing when the server dies in the middle of pushes', { timeout: 180_000 }, async () => {
    const created: string[] = [];
    for (const delayMs of [0, 15, 60]) {
      for (let i = 0; i < 150; i += 1) {
        const record = await newCase();
        created.push(record.caseNo);
      }
      // The server dies `delayMs` after the push arrives: before it reads it, while it applies it, or
      // (when it is quicker than that) after it committed, and then its answer never reaches the device.
      let killed: Promise<void> | undefined;
      proxy.onRequest = (method, path) => {
        if (method === 'POST' && path === '/v1/sync/push') {
          proxy.onRequest = undefined;
          killed = new Promise((resolve) => setTimeout(() => void killHard(server).then(resolve), delayMs));
        }
      };
      proxy.beforeAnswer = async (method, path) => {
        if (method !== 'POST' || path !== '/v1/sync/push' || !killed) return undefined;
        await killed;
        return 'drop';
      };
      await expect(sync()).rejects.toThrow();
      proxy.beforeAnswer = undefined;
      await restart();
      await sync();
      expect(await countPending(local)).toBe(0);
    }
    const { cases, caseNos } = await serverCaseCount();
    expect(cases).toBe(created.length);
    expect(caseNos).toEqual(new Set(created));
  });

  it('resumes an upload after a restart instead of starting it again', { timeout: 180_000 }, async () => {
    const record = await newCase();
    const size = 48 * MB;
    await addDocument(record.id, '建物登記謄本', new Blob([randomBytes(size)]), { db: local });
    const before = proxy.bytesForwarded;
    const watcher = setInterval(() => {
      if (proxy.bytesForwarded - before > 20 * MB) {
        clearInterval(watcher);
        void killHard(server);
      }
    }, 5);
    await expect(sync(8 * MB)).rejects.toThrow();
    clearInterval(watcher);
    const sentBeforeCrash = proxy.bytesForwarded - before;
    expect(sentBeforeCrash).toBeGreaterThan(16 * MB);
    expect((await listUploads('pending', local))[0]?.uploadUrl).toBeTruthy();
    await restart();
    await sync(8 * MB);
    const total = proxy.bytesForwarded - before;
    // Resumed: what was sent before the crash (less at most one chunk in flight) is not sent again.
    expect(total).toBeLessThan(size + 8 * MB + MB);
    expect((await getCase(record.id, local))?.documents).toEqual([expect.objectContaining({ size })]);
  });
});
