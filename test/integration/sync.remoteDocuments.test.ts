import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDocument, listCaseDocuments } from '../../renderer/src/db/documentStore';
import { getCase } from '../../renderer/src/db/caseStore';
import { NetworkError, type ApiOptions } from '../../renderer/src/sync/api';
import { fetchCaseDocument } from '../../renderer/src/sync/fetchCaseDocument';
import { signatureKind, signedContentHash } from '../../renderer/src/features/documents/signatureKind';
import { startWorld, type SimDevice, type World } from './support/syncWorld';

/** A port nothing listens on: the network is gone. */
const unreachable = 'http://127.0.0.1:9';

const apiOf = (device: SimDevice, serverUrl = device.serverUrl): ApiOptions => ({ serverUrl, token: device.token, headers: device.headers });
const bytesOf = async (blob: Blob | undefined) => Buffer.from(await (blob ?? new Blob()).arrayBuffer());

describe('documents and signatures reach every computer that may see the case', () => {
  let world: World;
  let clerk: SimDevice;
  let supervisor: SimDevice;
  beforeAll(async () => {
    world = await startWorld();
    clerk = await world.addDevice({ username: 'clerk', encrypted: true, direct: true });
    supervisor = await world.addDevice({ username: 'supervisor', encrypted: true, direct: true });
  });
  afterAll(() => world.close());

  it('fetches a PDF, a photo and a signature on demand, byte for byte, sealed; refuses tampered bytes; shows them offline', async () => {
    const record = await clerk.createCase();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000)]);
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(120_000)]);
    const signature = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), randomBytes(8_000)]);
    const signedHash = 'ab'.repeat(32);
    await addDocument(record.id, '申請書', new Blob([pdf], { type: 'application/pdf' }), { db: clerk.db });
    await addDocument(record.id, '身分證影本', new Blob([photo], { type: 'image/jpeg' }), { db: clerk.db });
    await addDocument(record.id, signatureKind(signedHash), new Blob([signature], { type: 'image/png' }), { db: clerk.db });
    expect(await clerk.sync()).toMatchObject({ uploaded: 3, heldBack: false });

    // The supervisor's computer pulls the case: it learns the three documents, but fetches none of them.
    await supervisor.sync();
    const pulled = await getCase(record.id, supervisor.db);
    const listed = pulled?.documents ?? [];
    expect(listed.map((document) => [document.kind, document.mime, document.size])).toEqual([
      ['申請書', 'application/pdf', pdf.length],
      ['身分證影本', 'image/jpeg', photo.length],
      [signatureKind(signedHash), 'image/png', signature.length],
    ]);
    expect(await listCaseDocuments(record.id, supervisor.db)).toEqual([]);

    // One byte of the photo changed on the server: refused, nothing stored.
    const photoListing = listed[1];
    if (!photoListing) throw new Error('the photo is not listed');
    const blobPath = join(world.documentsDir, 'blobs', photoListing.sha256.slice(0, 2), photoListing.sha256.slice(2));
    const original = await readFile(blobPath);
    const tampered = Buffer.from(original);
    tampered[500] = (tampered[500] ?? 0) ^ 0x01;
    await writeFile(blobPath, tampered);
    await expect(fetchCaseDocument(apiOf(supervisor), record.id, photoListing, { db: supervisor.db })).rejects.toMatchObject({ name: 'DocumentMismatchError' });
    expect(await supervisor.db.documents.get(photoListing.id)).toBeUndefined();
    await writeFile(blobPath, original);

    const progress: number[] = [];
    for (const document of listed) {
      const fetched = await fetchCaseDocument(apiOf(supervisor), record.id, document, { db: supervisor.db, onProgress: (step) => progress.push(step.received) });
      expect(fetched.sha256).toBe(document.sha256);
    }
    expect(progress.at(-1)).toBe(signature.length);

    // Stored sealed with the supervisor device's key: the stored Blob is not the plain bytes.
    for (const document of listed) {
      const row = await supervisor.db.documents.get(document.id);
      expect(row?.sealed).toBe(true);
      const stored = await bytesOf(row?.blob);
      expect(stored.includes((document.mime === 'application/pdf' ? pdf : document.mime === 'image/jpeg' ? photo : signature).subarray(0, 64))).toBe(false);
    }

    // The network is gone: every document and the signature open from the device, byte for byte.
    const offline = await Promise.all(listed.map((document) => fetchCaseDocument(apiOf(supervisor, unreachable), record.id, document, { db: supervisor.db })));
    expect(await Promise.all(offline.map((row) => bytesOf(row.blob)))).toEqual([pdf, photo, signature]);
    const shown = await listCaseDocuments(record.id, supervisor.db);
    expect(shown.filter((row) => signedContentHash(row.kind) === signedHash).map((row) => row.mime)).toEqual(['image/png']);
    expect(await Promise.all(shown.sort((a, b) => a.size - b.size).map((row) => bytesOf(row.blob)))).toEqual([signature, photo, pdf]);
    // Fetched documents are not this device's to upload.
    expect(await supervisor.sync()).toMatchObject({ uploaded: 0, pushed: 0 });
  });

  it('never downloads what the device made itself, and says a document not yet fetched needs the server', async () => {
    const record = await clerk.createCase();
    const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(20_000)]);
    await addDocument(record.id, '申請書', new Blob([scan], { type: 'application/pdf' }), { db: clerk.db });
    await clerk.sync();
    const [own] = (await getCase(record.id, clerk.db))?.documents ?? [];
    if (!own) throw new Error('the document is not listed on the case');
    const local = await fetchCaseDocument(apiOf(clerk, unreachable), record.id, own, { db: clerk.db });
    expect(await bytesOf(local.blob)).toEqual(scan);

    await supervisor.sync();
    await expect(fetchCaseDocument(apiOf(supervisor, unreachable), record.id, own, { db: supervisor.db })).rejects.toBeInstanceOf(NetworkError);
    expect(await supervisor.db.documents.get(own.id)).toBeUndefined();
  });
});
