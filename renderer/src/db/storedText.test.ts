import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getCase, listCases, setCaseField } from './caseStore';
import { CounterDeskDb } from './database';
import { parseRows } from './caseQuery';
import { caseRecordFixture } from '../testing/caseRecordFixture';
import type { LocalCase } from './records';

const dbs: CounterDeskDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A case an older version stored with a control character the schemas now refuse (decision 0032). */
async function storedBeforeTheRules(): Promise<{ db: CounterDeskDb; stored: LocalCase }> {
  const db = new CounterDeskDb(`stored-text-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  const record = caseRecordFixture(1);
  const stored = { ...record, applicant: { ...record.applicant, name: '王\u0000大明' }, syncState: 'synced' } as LocalCase;
  await db.cases.put(stored);
  return { db, stored };
}

describe('cases stored before the text rules', () => {
  it('are read, listed and edited with the character shown as U+FFFD, never a crash or a gap in the list', async () => {
    const { db, stored } = await storedBeforeTheRules();
    expect((await getCase(stored.id, db))?.applicant.name).toBe('王\uFFFD大明');
    expect((await listCases(db)).map((found) => found.applicant.name)).toEqual(['王\uFFFD大明']);
    expect(parseRows([await db.cases.get(stored.id)])).toHaveLength(1);
    const edited = await setCaseField(stored.id, 'applicant.name', '王大明', db);
    expect(edited.applicant.name).toBe('王大明');
  });
});
