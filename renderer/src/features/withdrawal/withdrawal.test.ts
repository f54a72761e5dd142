import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskActor } from '../../../../shared/domain/caseDesk';
import { getCase } from '../../db/caseStore';
import { StepRefused } from '../../lib/caseSteps';
import { createCaseForTest } from '../../db/createCaseForTest';
import { CounterDeskDb } from '../../db/database';
import { addDocument, listCaseDocuments } from '../../db/documentStore';
import { pendingMutations } from '../../db/outbox';
import { caseRecordFixture } from '../../testing/caseRecordFixture';
import { signatureKind, signedContentHash } from '../documents/signatureKind';
import { contentSha256 } from '../signature/signatureBinding';
import { mayWithdraw, withdrawCase, withdrawalContent } from './withdrawal';

const clerk: DeskActor = { username: 'clerk', roles: ['clerk'], units: [] };

let db: CounterDeskDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('a withdrawal signed by the applicant', () => {
  it('stores the signature as a document of the case, then queues withdraw naming it', async () => {
    db = new CounterDeskDb(`withdrawal-${crypto.randomUUID()}`);
    const record = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: () => caseRecordFixture(1, { desk: { unit: 'PROPERTY', notes: [] } }) }, db);
    expect(mayWithdraw(record, clerk)).toBe(true);
    const hash = await contentSha256(withdrawalContent(record, ' 申請人已自行繳納 '));
    const signature = await addDocument(record.id, signatureKind(hash, 'withdrawal'), new Blob(['png'], { type: 'image/png' }), { db });
    const withdrawn = await withdrawCase(record.id, ' 申請人已自行繳納 ', signature.id, clerk, db);

    expect(withdrawn.status).toBe('withdrawn');
    expect((await getCase(record.id, db))?.desk?.withdrawal).toMatchObject({ by: 'clerk', reason: '申請人已自行繳納', signatureDocumentId: signature.id });
    const queued = (await pendingMutations(10, db)).map((entry) => entry.mutation);
    expect(queued.map((mutation) => mutation.name)).toEqual(['createCase', 'attachDocument', 'caseAction']);
    expect(queued[2]).toMatchObject({ args: { caseId: record.id, step: { action: 'withdraw', reason: '申請人已自行繳納', signatureDocumentId: signature.id } } });
    // The withdrawal's signature is not the intake's: the intake signature's coverage is untouched by it.
    const [stored] = await listCaseDocuments(record.id, db);
    expect(signedContentHash(stored?.kind ?? '')).toBeUndefined();
    expect(signedContentHash(stored?.kind ?? '', 'withdrawal')).toBe(hash);
    expect(mayWithdraw(withdrawn, clerk)).toBe(false);
    await expect(withdrawCase(record.id, 'again', signature.id, clerk, db)).rejects.toBeInstanceOf(StepRefused);
  });

  it('signs the reason as written: another reason needs another signature', async () => {
    const record = caseRecordFixture(2);
    expect(await contentSha256(withdrawalContent(record, '不再申請'))).not.toBe(await contentSha256(withdrawalContent(record, '已繳納')));
    expect(await contentSha256(withdrawalContent(record, ' 不再申請 '))).toBe(await contentSha256(withdrawalContent(record, '不再申請')));
  });
});
