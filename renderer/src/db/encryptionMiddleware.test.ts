import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/schemas/case';
import { casesOfApplicant, queryCases } from './caseQuery';
import { getCase, listCases, setCaseField } from './caseStore';
import { pendingMutations } from './outbox';
import { createCaseForTest } from './createCaseForTest';
import { CounterDeskDb } from './database';
import { DataKeyHolder, DeviceLockedError } from './dataKeyHolder';
import { addDocument, getDocumentsBytes, listCaseDocuments } from './documentStore';
import { loadDraft, saveDraft } from './draftStore';
import { ENCRYPTED_TABLES, HashedIndexQueryError, RecordUnreadableError, encryptionMiddleware } from './encryptionMiddleware';
import { randomBytes } from './recordCipher';
import { sealExistingData } from './sealExisting';
import { caseRecordFixture } from '../testing/caseRecordFixture';

const NATIONAL_ID = 'A123456789';
const NAME = '王小明';
const PHONE = '0912345678';

let counter = 0;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function encryptedDb(holder: DataKeyHolder, name = `enc-${(counter += 1)}-${Date.now()}`): CounterDeskDb {
  const db = new CounterDeskDb(name, { encryption: holder });
  opened.push(db);
  return db;
}

function unlocked(): DataKeyHolder {
  const holder = new DataKeyHolder();
  holder.set(randomBytes(32));
  return holder;
}

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString('hex');
}

/** The same database seen without the middleware: what a copied disk holds. */
async function rawRows(db: CounterDeskDb, table: string): Promise<unknown[]> {
  const raw = new Dexie(db.name);
  await raw.open();
  try {
    return await raw.table(table).toArray();
  } finally {
    raw.close();
  }
}

function record(sequence: number, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return caseRecordFixture(sequence, {
    applicant: { kind: 'person', idNumber: NATIONAL_ID, name: NAME, phone: PHONE },
    receivedAt: `2026-11-27T02:00:${String(sequence).padStart(2, '0')}.000Z`,
    ...overrides,
  });
}

async function addCase(db: CounterDeskDb, sequence: number, overrides: Partial<CaseRecord> = {}) {
  return createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: () => record(sequence, overrides) }, db);
}

function textOf(rows: unknown[]): string {
  return JSON.stringify(rows, (_key, value: unknown) => (value instanceof Uint8Array ? `bytes:${new TextDecoder('latin1').decode(value)}` : value));
}

describe('encryption at rest (DBCore middleware)', () => {
  it('reads back exactly what the stores wrote, while the stored rows hold no ID, name or phone', async () => {
    const holder = unlocked();
    const db = encryptedDb(holder);
    const created = await addCase(db, 1);
    expect(await getCase(created.id, db)).toEqual(created);
    expect(await listCases(db)).toEqual([created]);
    expect((await pendingMutations(10, db))[0]?.mutation).toMatchObject({ name: 'createCase', args: { case: { applicant: { idNumber: NATIONAL_ID } } } });

    const stored = textOf([...(await rawRows(db, 'cases')), ...(await rawRows(db, 'outbox'))]);
    for (const secret of [NATIONAL_ID, NAME, PHONE, 'A12345', '王小']) expect(stored).not.toContain(secret);
    // The indexes the case list pages by stay usable.
    expect(stored).toContain(created.caseNo);
    expect(stored).toContain('"status":"received"');
  });

  it('finds cases by national ID, phone and name through the hashed indexes, however the query is typed', async () => {
    const holder = unlocked();
    const db = encryptedDb(holder);
    const mine = await addCase(db, 1);
    await addCase(db, 2, { applicant: { kind: 'person', idNumber: 'B223456789', name: '李大華', phone: '0922333444' } });

    expect((await queryCases({ text: NATIONAL_ID, sort: 'received-desc' }, db)).firstPage.map((c) => c.id)).toEqual([mine.id]);
    expect((await queryCases({ text: '0912-345-678', sort: 'received-desc' }, db)).firstPage.map((c) => c.id)).toEqual([mine.id]);
    expect((await casesOfApplicant(NATIONAL_ID, 5, db)).map((c) => c.id)).toEqual([mine.id]);
    expect(await db.cases.where('applicant.name').equals(` ${NAME} `).primaryKeys()).toEqual([mine.id]);
    expect(await db.cases.where('applicant.idNumber').equals('a123456789').count()).toBe(1);
    expect(await db.cases.where('applicant.idNumber').equals('C123456789').count()).toBe(0);
    // A prefix cannot run on a hash: refused, not silently empty.
    await expect(db.cases.where('applicant.name').startsWith('王').toArray()).rejects.toBeInstanceOf(HashedIndexQueryError);
  });

  it('opens records read through cursors: paging, filters, each, modify', async () => {
    const holder = unlocked();
    const db = encryptedDb(holder);
    const first = await addCase(db, 1);
    const second = await addCase(db, 2, { applicant: { kind: 'person', idNumber: 'B223456789', name: '李大華', phone: '' } });
    expect((await db.cases.orderBy('receivedAt').offset(1).limit(1).toArray()).map((c) => c.applicant.name)).toEqual(['李大華']);
    expect((await db.cases.filter((c) => c.applicant.idNumber === NATIONAL_ID).toArray()).map((c) => c.id)).toEqual([first.id]);
    const seen: string[] = [];
    await db.cases.orderBy('receivedAt').reverse().each((c) => void seen.push(c.applicant.name));
    expect(seen).toEqual(['李大華', NAME]);
    await db.cases.where('status').equals('received').modify((c) => {
      c.applicant.phone = '0955666777';
    });
    expect((await getCase(second.id, db))?.applicant.phone).toBe('0955666777');
    expect(await db.cases.where('applicant.phone').equals('0955666777').count()).toBe(2);
  });

  it('refuses to open a database with an index over a field it would leave out of the stored form', async () => {
    const holder = unlocked();
    const db = new CounterDeskDb(`undeclared-${Date.now()}`);
    opened.push(db);
    db.use(encryptionMiddleware(holder, { ...ENCRYPTED_TABLES, outbox: { plain: ['id', 'state'], hashed: [] } }));
    await expect(db.outbox.count()).rejects.toThrow(/caseId of outbox is not declared/);
  });

  it('keeps a changed field findable under its new value only', async () => {
    const holder = unlocked();
    const db = encryptedDb(holder);
    const created = await addCase(db, 1);
    await setCaseField(created.id, 'applicant.phone', '0933444555', db);
    expect(await db.cases.where('applicant.phone').equals('0933444555').primaryKeys()).toEqual([created.id]);
    expect(await db.cases.where('applicant.phone').equals(PHONE).count()).toBe(0);
  });

  it('fails while locked, and opens again with the same key', async () => {
    const key = randomBytes(32);
    const holder = new DataKeyHolder();
    holder.set(key);
    const db = encryptedDb(holder);
    const created = await addCase(db, 1);
    await saveDraft('clerk', { fields: { name: NAME } }, db);
    holder.clear();
    await expect(getCase(created.id, db)).rejects.toBeInstanceOf(DeviceLockedError);
    await expect(saveDraft('clerk', { fields: {} }, db)).rejects.toBeInstanceOf(DeviceLockedError);
    await expect(db.cases.where('applicant.idNumber').equals(NATIONAL_ID).count()).rejects.toBeInstanceOf(DeviceLockedError);
    // Counts on plain indexes say nothing about anyone and keep the sync indicator working.
    expect(await db.outbox.where('state').equals('pending').count()).toBe(1);
    holder.set(key);
    expect(await getCase(created.id, db)).toEqual(created);
    expect(await loadDraft('clerk', db)).toEqual({ fields: { name: NAME } });
  });

  it('refuses to open records with another key, and never rewrites them', async () => {
    const holder = unlocked();
    const name = `enc-wrong-${Date.now()}`;
    const db = encryptedDb(holder, name);
    const created = await addCase(db, 1);
    holder.set(randomBytes(32));
    await expect(getCase(created.id, db)).rejects.toBeInstanceOf(RecordUnreadableError);
    await expect(setCaseField(created.id, 'applicant.phone', '0933444555', db)).rejects.toBeInstanceOf(RecordUnreadableError);
  });

  it('binds each sealed record to its primary key: a record copied onto another id does not open', async () => {
    const holder = unlocked();
    const db = encryptedDb(holder);
    const first = await addCase(db, 1);
    const second = await addCase(db, 2);
    db.close();
    const raw = new Dexie(db.name);
    await raw.open();
    const [a] = (await raw.table('cases').bulkGet([first.id])) as Array<Record<string, unknown>>;
    await raw.table('cases').put({ ...a, id: second.id, caseNo: second.caseNo });
    raw.close();
    await db.open();
    await expect(getCase(second.id, db)).rejects.toBeInstanceOf(RecordUnreadableError);
  });

  it('seals records and documents written before encryption, once, after the first unlock', async () => {
    const name = `legacy-${Date.now()}`;
    const plainDb = new CounterDeskDb(name);
    const legacy = await addCase(plainDb, 1);
    await saveDraft('clerk', { fields: { name: NAME } }, plainDb);
    await addDocument(legacy.id, 'ID card copy', new Blob([new TextEncoder().encode('LEGACY-SCAN-BYTES')], { type: 'image/png' }), { db: plainDb });
    plainDb.close();

    const holder = unlocked();
    const db = encryptedDb(holder, name);
    // Before the pass, plain rows are read as they are.
    expect(await getCase(legacy.id, db)).toEqual(legacy);
    expect(await sealExistingData(db)).toEqual({ records: 4, documents: 1 });
    expect(await sealExistingData(db)).toEqual({ records: 0, documents: 0 });

    const stored = textOf([...(await rawRows(db, 'cases')), ...(await rawRows(db, 'outbox')), ...(await rawRows(db, 'drafts'))]);
    expect(stored).not.toContain(NATIONAL_ID);
    expect(stored).not.toContain(NAME);
    expect(await getCase(legacy.id, db)).toEqual({ ...legacy, syncState: 'pending' });
    expect(await db.cases.where('applicant.idNumber').equals(NATIONAL_ID).count()).toBe(1);
    const [doc] = (await rawRows(db, 'documents')) as Array<{ blob: Blob; sealed?: boolean }>;
    expect(doc?.sealed).toBe(true);
    expect(new TextDecoder().decode(await doc?.blob.arrayBuffer())).not.toContain('LEGACY-SCAN-BYTES');
    const [listed] = await listCaseDocuments(legacy.id, db);
    expect(new TextDecoder().decode(await listed?.blob?.arrayBuffer())).toBe('LEGACY-SCAN-BYTES');
    expect(listed?.upload?.state).toBe('pending');
  });

  it('flags a legacy document whose bytes no longer match their hash when it seals it, so its upload never sends it', async () => {
    const name = `legacy-damaged-${Date.now()}`;
    const plainDb = new CounterDeskDb(name);
    const legacy = await addCase(plainDb, 1);
    const doc = await addDocument(legacy.id, 'ID card copy', new Blob([new TextEncoder().encode('LEGACY-SCAN-BYTES')]), { db: plainDb });
    await plainDb.documents.update(doc.id, { blob: new Blob([new TextEncoder().encode('LEGACY-SCAN-BYTEZ')]) });
    plainDb.close();

    const db = encryptedDb(unlocked(), name);
    expect(await sealExistingData(db)).toMatchObject({ documents: 1 });
    const [listed] = await listCaseDocuments(legacy.id, db);
    expect(listed?.upload).toMatchObject({ state: 'corrupt', lastError: expect.stringContaining('SHA-256') });
    // Sealed all the same: nothing taxpayer-related stays plain at rest.
    const [stored] = (await rawRows(db, 'documents')) as Array<{ sealed?: boolean }>;
    expect(stored?.sealed).toBe(true);
  });

  it('stores document bytes sealed, reads them back plain with the plain bytes\' hash as before', async () => {
    const holder = unlocked();
    const db = encryptedDb(holder);
    const created = await addCase(db, 1);
    const bytes = new TextEncoder().encode('%PDF-1.7 DISTINCTIVE-DOCUMENT-BYTES');
    const row = await addDocument(created.id, 'ID card copy', new Blob([bytes], { type: 'application/pdf' }), { db });
    const [stored] = (await rawRows(db, 'documents')) as Array<{ blob: Blob; sha256: string }>;
    expect(new TextDecoder('latin1').decode(await stored?.blob.arrayBuffer())).not.toContain('DISTINCTIVE-DOCUMENT-BYTES');
    expect(stored?.sha256).toBe(row.sha256);
    const [listed] = await listCaseDocuments(created.id, db);
    expect(listed?.blob?.type).toBe('application/pdf');
    expect(new Uint8Array((await listed?.blob?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(bytes);
    // What the upload reads: the same plain bytes, straight into memory.
    expect(await getDocumentsBytes([row.id], db)).toEqual([{ bytes: bytes.buffer, authenticated: true }]);
    holder.clear();
    await expect(getDocumentsBytes([row.id], db)).rejects.toBeInstanceOf(DeviceLockedError);
  });

  it('opens many sealed documents of mixed sizes together, each exactly, and leaves out only one whose seal was damaged', async () => {
    const db = encryptedDb(unlocked());
    const created = await addCase(db, 1);
    // From one byte to more than a bundle holds (a large document goes with tus), read twice over.
    const sizes = [10, 300 * 1024, 5 * 1024 * 1024, 2 * 1024 * 1024, 1];
    const contents = sizes.map((size, index) => Uint8Array.from({ length: size }, (_, at) => (at * 31 + index * 7) % 251));
    const rows = [];
    for (const [index, bytes] of contents.entries()) rows.push(await addDocument(created.id, `page ${index}`, new Blob([bytes], { type: 'image/png' }), { db }));
    const ids = rows.map((row) => row.id);
    for (let round = 0; round < 2; round += 1) {
      const read = await getDocumentsBytes([...ids, 'no-such-document'], db);
      // Compared as strings of hex: a deep comparison of megabytes, element by element, would take minutes.
      expect(read.map((entry) => (entry ? hex(entry.bytes) : undefined))).toEqual([...contents.map((bytes) => hex(bytes)), undefined]);
    }

    // Damage one stored seal (one flipped byte inside the ciphertext), as a failing disk would.
    const damagedId = ids[1] ?? '';
    const raw = new Dexie(db.name);
    await raw.open();
    const stored = (await raw.table('documents').get(damagedId)) as { blob: Blob };
    const damaged = new Uint8Array(await stored.blob.arrayBuffer());
    damaged[100] = (damaged[100] ?? 0) ^ 0xff;
    await raw.table('documents').update(damagedId, { blob: new Blob([damaged]) });
    raw.close();
    const read = await getDocumentsBytes(ids, db);
    expect(read.map((entry) => entry?.bytes.byteLength)).toEqual([10, undefined, 5 * 1024 * 1024, 2 * 1024 * 1024, 1]);
    expect(hex(read[2]?.bytes ?? new ArrayBuffer(0))).toBe(hex(contents[2] ?? new Uint8Array(0)));
  });
});
