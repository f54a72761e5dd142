import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseRecord } from '../../shared/schemas/case';
import { bundleHeaderOf } from '../../shared/sync/protocol';
import { addDocument, listCaseDocuments, listUploads, uploadsTable } from '../../renderer/src/db/documentStore';
import { getCase } from '../../renderer/src/db/caseStore';
import { countPending, listRejectedMutations } from '../../renderer/src/db/outbox';
import { NetworkError } from '../../renderer/src/sync/api';
import { clockIsOff } from '../../renderer/src/sync/clockOffset';
import { SyncEngine } from '../../renderer/src/sync/syncEngine';
import { createSyncStatusStore } from '../../renderer/src/sync/syncStatus';
import { startFaultProxy } from './support/faultProxy';
import { startWorld, syncUntilClean, type World } from './support/syncWorld';

const MB = 1024 * 1024;

describe('documents: upload before attach, content-addressed, resumable', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());

  it('uploads documents, attaches them, and stores bytes that hash to their id', async () => {
    const device = await world.addDevice();
    const first = await device.createCase();
    const second = await device.createCase();
    const shared = new Blob([randomBytes(300_000)], { type: 'application/pdf' });
    await addDocument(first.id, '申請書', shared, { db: device.db });
    await addDocument(first.id, '身分證影本', new Blob([randomBytes(50_000)], { type: 'image/jpeg' }), { db: device.db });
    await addDocument(second.id, '申請書', shared, { db: device.db });
    const report = await device.sync();
    expect(report).toMatchObject({ pushed: 5, uploaded: 2, corruptDocuments: 0, heldBack: false });
    expect(await listUploads('pending', device.db)).toEqual([]);
    expect((await getCase(first.id, device.db))?.documents).toHaveLength(2);
    expect((await getCase(second.id, device.db))?.documents).toHaveLength(1);
    expect((await getCase(first.id, device.db))?.syncState).toBe('synced');
    const blobs = await world.storedBlobs();
    expect(blobs).toHaveLength(2);
    for (const [name, actual] of blobs) expect(actual).toBe(name);
    // The local copy stays after the server confirmed it.
    expect((await listCaseDocuments(first.id, device.db)).every((d) => d.blob instanceof Blob && d.upload?.state === 'uploaded')).toBe(true);
  });

  it('records which device uploaded each document, whole in one request or in chunks, whatever the client claims', async () => {
    const device = await world.addDevice();
    const record = await device.createCase();
    const small = await addDocument(record.id, '申請書', new Blob([randomBytes(40_000)]), { db: device.db });
    const large = await addDocument(record.id, '身分證影本', new Blob([randomBytes(250_000)]), { db: device.db });
    // 100 kB chunks: the small one travels whole in one POST, the large one with tus in three PATCHes.
    const fetched = vi.spyOn(globalThis, 'fetch');
    try {
      await device.sync({ chunkSize: 100_000, headers: { ...device.headers, 'x-counterdesk-uploader': 'someone-else' } });
      const wholes = fetched.mock.calls.filter(([input]) => new URL(String(input)).pathname === '/v1/documents').map(([, init]) => new Headers(init?.headers).get('x-counterdesk-documents'));
      expect(wholes).toEqual([bundleHeaderOf([small])]);
    } finally {
      fetched.mockRestore();
    }
    const { rows } = await world.db.query<{ sha256: string; uploaded_by: string | null }>('SELECT sha256, uploaded_by FROM document_blobs WHERE sha256 = ANY($1::text[]) ORDER BY sha256', [[small.sha256, large.sha256]]);
    expect(rows).toEqual([small.sha256, large.sha256].sort().map((sha256) => ({ sha256, uploaded_by: device.name })));
  });

  it('flags a document whose local bytes no longer match, never uploads it, and does not block the outbox', async () => {
    const device = await world.addDevice();
    const record = await device.createCase();
    const doc = await addDocument(record.id, '申請書', new Blob([randomBytes(20_000)]), { db: device.db });
    await device.db.documents.update(doc.id, { blob: new Blob([randomBytes(20_000)]) });
    await device.createCase();
    const report = await device.sync();
    expect(report.corruptDocuments).toBe(1);
    expect((await uploadsTable(device.db).get(doc.id))?.state).toBe('corrupt');
    expect(await world.storedBlobs()).not.toContainEqual([doc.sha256, expect.anything()]);
    const rejected = await listRejectedMutations(device.db);
    expect(rejected.map((entry) => entry.code)).toEqual(['document_missing']);
    expect(rejected[0]?.message).toMatch(/申請書/);
    expect(await countPending(device.db)).toBe(0);
  });

  it('uploads sealed documents opened with their key, and flags one whose sealed bytes were damaged', async () => {
    const device = await world.addDevice({ encrypted: true });
    const record = await device.createCase();
    const good = await addDocument(record.id, '申請書', new Blob([randomBytes(60_000)]), { db: device.db });
    const damaged = await addDocument(record.id, '身分證影本', new Blob([randomBytes(60_000)]), { db: device.db });
    const row = await device.db.documents.get(damaged.id);
    if (!(row?.blob instanceof Blob) || !row.sealed) throw new Error('the document was not stored sealed');
    const sealed = new Uint8Array(await row.blob.arrayBuffer());
    sealed[100] = (sealed[100] ?? 0) ^ 0xff;
    await device.db.documents.update(damaged.id, { blob: new Blob([sealed]) });
    const report = await device.sync();
    expect(report).toMatchObject({ uploaded: 1, corruptDocuments: 1 });
    expect((await uploadsTable(device.db).get(damaged.id))?.state).toBe('corrupt');
    // The server holds the good document's plain bytes (they hash to its address), and nothing else of this case.
    const held = new Map(await world.storedBlobs());
    expect(held.get(good.sha256)).toBe(good.sha256);
    expect(held.has(damaged.sha256)).toBe(false);
  });

  it('resumes an upload from the last confirmed byte after the connection drops mid-upload', async () => {
    const proxy = await startFaultProxy({ target: world.url, seed: 7, rate: 1, kinds: ['cut-upload'] });
    try {
      const device = await world.addDevice();
      device.serverUrl = proxy.url;
      const record = await device.createCase();
      const size = 24 * MB;
      await addDocument(record.id, '建物登記謄本', new Blob([randomBytes(size)]), { db: device.db });
      await expect(device.sync({ chunkSize: 8 * MB })).rejects.toBeInstanceOf(Error);
      const afterCut = proxy.bytesForwarded;
      expect(afterCut).toBeGreaterThan(0);
      expect((await listUploads('pending', device.db))[0]?.uploadUrl).toBeTruthy();
      proxy.rate = 0;
      await device.sync({ chunkSize: 8 * MB });
      // Resumed, not restarted: bytes sent in all are the document plus at most the cut part of one chunk.
      expect(proxy.bytesForwarded).toBeLessThan(size + 8 * MB + 64 * 1024);
      expect((await getCase(record.id, device.db))?.documents).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('packs scans into bundles; a bundle cut off keeps the documents that arrived whole, and the next run sends only the rest', async () => {
    const proxy = await startFaultProxy({ target: world.url, seed: 11, rate: 0, kinds: ['cut-upload'] });
    const fetched = vi.spyOn(globalThis, 'fetch');
    const bundlesSent = () =>
      fetched.mock.calls
        .filter(([input, init]) => new URL(String(input)).pathname === '/v1/documents' && init?.method === 'POST')
        .map(([, init]) => (new Headers(init?.headers).get('x-counterdesk-documents') ?? '').split(',').map((item) => item.split(':')[0]));
    try {
      const device = await world.addDevice();
      device.serverUrl = proxy.url;
      const record = await device.createCase();
      // 12 scans of 400 kB: ten fill a bundle of at most 4 MiB, two go in the next.
      const docs = [];
      for (let index = 0; index < 12; index += 1) docs.push(await addDocument(record.id, '申請書', new Blob([randomBytes(400_000)]), { db: device.db }));
      let cut = false;
      proxy.onRequest = (method, path) => {
        proxy.rate = method === 'POST' && path === '/v1/documents' && !cut ? 1 : 0;
        if (proxy.rate === 1) cut = true;
      };
      await expect(device.sync({ uploadConcurrency: 1 })).rejects.toBeInstanceOf(Error);
      expect(proxy.stats['cut-upload']).toBe(1);
      const first = bundlesSent();
      expect(first.map((bundle) => bundle.length)).toEqual([10, 2]);
      expect(first.flat()).toEqual(docs.map((doc) => doc.sha256));
      const heldAfterCut = new Set((await world.storedBlobs()).map(([name]) => name));
      // The cut came after 20–80 % of the first bundle, at least two of its scans: the server kept what
      // arrived whole (the last of those may still be being written as the device sees the cut).
      const keptOfCut = docs.slice(0, 10).filter((doc) => heldAfterCut.has(doc.sha256));
      expect(keptOfCut.length).toBeGreaterThanOrEqual(1);
      expect(keptOfCut.length).toBeLessThan(10);

      fetched.mockClear();
      await device.sync();
      const resent = bundlesSent().flat();
      // Only what the server did not keep goes again. The document that was arriving when the cut was
      // seen may still have been written and kept a moment later; then it is not sent again either.
      const notKept = docs.slice(0, 10).filter((doc) => !heldAfterCut.has(doc.sha256)).map((doc) => doc.sha256);
      expect([notKept, notKept.slice(1)]).toContainEqual(resent);
      const blobs = new Map(await world.storedBlobs());
      for (const doc of docs) expect(blobs.get(doc.sha256)).toBe(doc.sha256);
      expect((await getCase(record.id, device.db))?.documents).toHaveLength(12);
      expect(await listUploads('pending', device.db)).toEqual([]);
    } finally {
      fetched.mockRestore();
      await proxy.close();
    }
  });

  it('keeps a document of a bundle that the server answers did not match waiting, and confirms the others', async () => {
    const device = await world.addDevice();
    const record = await device.createCase();
    const good = await addDocument(record.id, '申請書', new Blob([randomBytes(30_000)]), { db: device.db });
    const garbled = await addDocument(record.id, '身分證影本', new Blob([randomBytes(30_000)]), { db: device.db });
    const realFetch = globalThis.fetch;
    // As if the second scan's bytes were damaged on the way: the server kept nothing of them.
    const fetched = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const response = await realFetch(input, init);
      if (new URL(String(input)).pathname !== '/v1/documents' || init?.method !== 'POST') return response;
      const answer = (await response.json()) as { documents: Array<{ sha256: string; size: number; status: string }> };
      const documents = answer.documents.map((outcome) => (outcome.sha256 === garbled.sha256 ? { ...outcome, status: 'checksum_mismatch', actual: 'f'.repeat(64) } : outcome));
      return new Response(JSON.stringify({ documents }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    try {
      await expect(device.sync()).rejects.toMatchObject({ code: 'checksum_mismatch' });
    } finally {
      fetched.mockRestore();
    }
    expect((await uploadsTable(device.db).get(good.id))?.state).toBe('uploaded');
    expect(await uploadsTable(device.db).get(garbled.id)).toMatchObject({ state: 'pending', attempts: 1, lastError: `The server received bytes hashing to ${'f'.repeat(64)}, not ${garbled.sha256}` });
    // The attachment of the good scan went out; the other waits for its bytes.
    const onServer = await world.db.query<{ documents: Array<{ sha256: string }> }>('SELECT documents FROM cases WHERE id = $1', [record.id]);
    expect(onServer.rows[0]?.documents.map((doc) => doc.sha256)).toEqual([good.sha256]);
    await device.sync();
    expect((await uploadsTable(device.db).get(garbled.id))?.state).toBe('uploaded');
    expect((await getCase(record.id, device.db))?.documents).toHaveLength(2);
  });

  it('marks the pushed cases synced even when the pull after the push fails', async () => {
    const device = await world.addDevice();
    const record = await device.createCase();
    await addDocument(record.id, '申請書', new Blob([randomBytes(10_000)]), { db: device.db });
    const realFetch = globalThis.fetch;
    const fetched = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      if (new URL(String(input)).pathname === '/v1/sync/pull') throw new TypeError('Failed to fetch');
      return realFetch(input, init);
    });
    try {
      await expect(device.sync()).rejects.toBeInstanceOf(NetworkError);
    } finally {
      fetched.mockRestore();
    }
    expect(await listUploads('pending', device.db)).toEqual([]);
    expect((await getCase(record.id, device.db))?.syncState).toBe('synced');
    expect((await device.db.cases.where('syncState').equals('pending').count())).toBe(0);
  });

  it('syncs a device offline for three days with 1 GB of documents and its clock three days wrong', { timeout: 600_000 }, async () => {
    const days = 3 * 24 * 60 * 60 * 1000;
    const device = await world.addDevice();
    const skewed = () => new Date(Date.now() - days);
    const status = createSyncStatusStore();
    const engine = new SyncEngine({
      serverUrl: 'http://127.0.0.1:9',
      getToken: () => device.token,
      getHeaders: () => device.headers,
      onUnauthorized: () => undefined,
      db: device.db,
      status,
      now: skewed,
      requestTimeoutMs: 2_000,
    });
    const total = 1024 * MB;
    const perDocument = 16 * MB;
    const cases: CaseRecord[] = [];
    for (let i = 0; i < total / perDocument; i += 1) {
      const record = i % 2 === 0 ? await device.createCase() : cases[cases.length - 1];
      if (!record) throw new Error('no case');
      if (i % 2 === 0) cases.push(record);
      await addDocument(record.id, `掃描 ${i}`, new Blob([randomBytes(perDocument)]), { db: device.db });
      // Offline all day: every attempt fails and the engine says since when.
      if (i % 16 === 0) await engine.syncNow();
    }
    engine.stop();
    expect(status.getState()).toMatchObject({ connectivity: 'offline' });
    expect(engine.lastResult.error).toBeInstanceOf(NetworkError);
    expect(Date.parse(status.getState().offlineSince ?? '')).toBeLessThan(Date.now() - days + 60_000);

    const online = new SyncEngine({ serverUrl: world.url, getToken: () => device.token, getHeaders: () => device.headers, onUnauthorized: () => undefined, db: device.db, status, now: skewed });
    await online.syncNow();
    online.stop();
    expect(engine.lastResult.error).toBeInstanceOf(NetworkError);
    expect(online.lastResult.error).toBeUndefined();
    expect(status.getState()).toMatchObject({ connectivity: 'online', pending: 0, clockWarning: true });
    expect(clockIsOff(status.getState().clockOffsetMs)).toBe(true);
    expect(Math.abs((status.getState().clockOffsetMs ?? 0) - days)).toBeLessThan(60_000);
    const { rows } = await world.db.query<{ n: number; bytes: number }>(
      `SELECT count(*)::int AS n, coalesce(sum((d->>'size')::bigint), 0)::bigint AS bytes FROM cases, jsonb_array_elements(documents) d WHERE station_code = $1`,
      [device.stationCode],
    );
    expect(rows[0]).toEqual({ n: total / perDocument, bytes: total });
    for (const record of cases) expect((await getCase(record.id, device.db))?.syncState).toBe('synced');
    await syncUntilClean(device);
  });

  it('syncs a burst of saves in one run soon after, and a save made during a run in a run right after it', async () => {
    const device = await world.addDevice();
    const status = createSyncStatusStore();
    let runs = 0;
    let duringRun: (() => Promise<void>) | undefined;
    const engine: SyncEngine = new SyncEngine({
      serverUrl: world.url,
      getToken: () => device.token,
      getHeaders: () => device.headers,
      onUnauthorized: () => undefined,
      afterSync: async () => {
        runs += 1;
        const change = duringRun;
        duringRun = undefined;
        await change?.();
        return false;
      },
      db: device.db,
      status,
      afterChangeDelayMs: 100,
      // Far beyond the test: any run it sees was started by a change, not by the idle timer.
      idleIntervalMs: 600_000,
    });
    const serverCases = async (ids: string[]) => (await world.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[])', [ids])).rows[0]?.n;
    const until = async (holds: () => boolean | Promise<boolean>) => {
      for (let waited = 0; !(await holds()); waited += 20) {
        if (waited > 10_000) throw new Error('timed out');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    try {
      engine.start();
      await until(() => runs === 1);
      const burst: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        burst.push((await device.createCase()).id);
        engine.syncSoon();
      }
      expect(await serverCases(burst)).toBe(0);
      await until(async () => (await serverCases(burst)) === 3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(runs).toBe(2);

      // A case saved while a run is past its outbox read: the run cannot have sent it, the next one does.
      let late = '';
      duringRun = async () => {
        late = (await device.createCase()).id;
        engine.syncSoon();
      };
      engine.syncSoon();
      await until(async () => late !== '' && (await serverCases([late])) === 1);
      await until(() => status.getState().pending === 0 && status.getState().connectivity === 'online');
      expect(runs).toBe(4);
    } finally {
      engine.stop();
    }
  });

  it('moves the screens\' revision only when a sync changed local data', async () => {
    const device = await world.addDevice();
    const status = createSyncStatusStore();
    let purged = false;
    const engine = new SyncEngine({
      serverUrl: world.url,
      getToken: () => device.token,
      getHeaders: () => device.headers,
      onUnauthorized: () => undefined,
      afterSync: () => Promise.resolve(purged),
      db: device.db,
      status,
    });
    try {
      await device.createCase();
      await engine.syncNow();
      const afterPush = status.getState().revision;
      expect(afterPush).toBeGreaterThan(0);
      // Nothing to push, nothing new to pull: a 200,000-case list must not re-read and recount.
      await engine.syncNow();
      expect(status.getState().revision).toBe(afterPush);
      // A purge after the sync changed what the list shows.
      purged = true;
      await engine.syncNow();
      expect(status.getState().revision).toBe(afterPush + 1);
    } finally {
      engine.stop();
    }
  });
});
