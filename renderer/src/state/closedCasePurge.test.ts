import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/schemas/case';
import { transitionCase } from '../db/caseStore';
import { applyPullPage } from '../db/syncedCopy';
import { recordPushOutcome } from '../db/outbox';
import { createCaseForTest } from '../db/createCaseForTest';
import { CounterDeskDb } from '../db/database';
import { DataKeyHolder } from '../db/dataKeyHolder';
import { addDocument, updateUpload } from '../db/documentStore';
import { randomBytes } from '../db/recordCipher';
import { noteFieldLaptop, purgeClosedCases } from './closedCasePurge';
import { caseRecordFixture } from '../testing/caseRecordFixture';

const CLOSED_AT = '2026-10-01T02:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;
const afterDays = (days: number) => new Date(Date.parse(CLOSED_AT) + days * DAY);

let db: CounterDeskDb;
beforeEach(() => {
  const holder = new DataKeyHolder();
  holder.set(randomBytes(32));
  db = new CounterDeskDb(`purge-${Date.now()}-${Math.random()}`, { encryption: holder });
});
afterEach(async () => {
  await db.delete();
});

function record(sequence: number): CaseRecord {
  return caseRecordFixture(sequence, { channel: 'field-visit', checklist: [], receivedOn: '2026-09-01', receivedAt: '2026-09-01T02:00:00.000Z', dueDate: '2026-09-20', createdBy: 'field' });
}

/** A case made here, pushed (the server applied every mutation), then pulled back closed at CLOSED_AT. */
async function closedOnServer(sequence: number, options: { document?: 'uploaded' | 'pending' } = {}): Promise<string> {
  const made = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: () => record(sequence) }, db);
  if (options.document) {
    const doc = await addDocument(made.id, 'ID card copy', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), { db });
    if (options.document === 'uploaded') await updateUpload(doc.id, { state: 'uploaded' }, db);
  }
  const ids = (await db.outbox.toArray()).filter((entry) => entry.caseId === made.id && entry.state === 'pending').map((entry) => entry.id);
  await recordPushOutcome(ids.map((id) => ({ id, status: 'applied' as const })), db);
  await applyPullPage([{ seq: sequence, kind: 'case', id: made.id, data: { ...made, status: 'closed', syncedAt: CLOSED_AT } }], sequence, db);
  return made.id;
}

describe('purging closed cases from field laptops', () => {
  it('removes a case the server closed longer ago than the retention, with its documents, uploads and outbox', async () => {
    const id = await closedOnServer(1, { document: 'uploaded' });
    expect(await purgeClosedCases({ retentionDays: 30, serverNow: afterDays(31), db })).toEqual([id]);
    expect(await db.cases.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);
    expect(await db.table('uploads').count()).toBe(0);
    expect(await db.outbox.where('caseId').equals(id).count()).toBe(0);
  });

  it('keeps it until the retention has passed on the server clock', async () => {
    await closedOnServer(1);
    expect(await purgeClosedCases({ retentionDays: 30, serverNow: afterDays(29), db })).toEqual([]);
    expect(await db.cases.count()).toBe(1);
  });

  it('keeps a closed case with a pending mutation, an unconfirmed upload, or one not closed at the server', async () => {
    const pendingEdit = await closedOnServer(1);
    await transitionCase(pendingEdit, 'closed', undefined, db);
    const unuploaded = await closedOnServer(2, { document: 'pending' });
    const open = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: () => record(3) }, db);
    expect(await purgeClosedCases({ retentionDays: 0, serverNow: afterDays(365), db })).toEqual([]);
    expect((await db.cases.toCollection().primaryKeys()).sort()).toEqual([pendingEdit, unuploaded, open.id].sort());
  });

  it('counts as a field laptop only after a field-staff user signed in on it, and stays one', async () => {
    expect(await noteFieldLaptop(['clerk'], db)).toBe(false);
    expect(await noteFieldLaptop(['field-staff'], db)).toBe(true);
    expect(await noteFieldLaptop(['clerk'], db)).toBe(true);
  });
});
