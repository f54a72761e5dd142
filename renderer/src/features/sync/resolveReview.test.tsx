import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseRecord } from '../../../../shared/schemas/case';
import type { CaseReview, ServerCase } from '../../../../shared/sync/protocol';
import { getCase } from '../../db/caseStore';
import { applyPullPage } from '../../db/syncedCopy';
import { pendingMutations, recordPushOutcome } from '../../db/outbox';
import { createCaseForTest } from '../../db/createCaseForTest';
import { CounterDeskDb } from '../../db/database';
import type { LocalCase } from '../../db/records';
import { resolveReview, reviewChoices } from './resolveReview';
import { caseRecordFixture } from '../../testing/caseRecordFixture';

let counter = 0;
const dbs: CounterDeskDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const record = (sequence: number): CaseRecord => caseRecordFixture(sequence, { applicant: { kind: 'person', idNumber: 'A123456789', name: '王小明', phone: '0911000111' } });

const review: CaseReview = {
  needsReview: true,
  conflicts: [
    { field: 'applicant.phone', base: '0900000000', serverValue: '0911000111', clientValue: '0922000222', by: 'clerk2', at: '2026-11-27T03:00:00.000Z' },
    { field: 'applicant.name', base: '王小明', serverValue: '王小明', clientValue: '王曉明', by: 'clerk2', at: '2026-11-27T03:00:00.000Z' },
    { field: 'applicant.phone', base: '0900000000', serverValue: '0911000111', clientValue: '0933000333', by: 'field1', at: '2026-11-27T04:00:00.000Z' },
  ],
};

/** A device holding the server's copy of a case flagged for review, with nothing waiting to sync. */
async function flaggedCase(): Promise<{ db: CounterDeskDb; local: LocalCase }> {
  counter += 1;
  const db = new CounterDeskDb(`review-test-${counter}-${Date.now()}`);
  dbs.push(db);
  const created = await createCaseForTest({ stationCode: 'KL01', rocYear: 115, build: () => record(counter) }, db);
  const [createMutation] = await pendingMutations(10, db);
  await recordPushOutcome([{ id: createMutation?.id ?? 0, status: 'applied' }], db);
  const pulled: ServerCase = { ...created, syncedAt: '2026-11-27T04:00:01.000Z', review };
  await applyPullPage([{ seq: 1, kind: 'case', id: created.id, data: pulled }], 1, db);
  const local = await getCase(created.id, db);
  if (!local) throw new Error('case not stored');
  return { db, local };
}

describe('resolving a review on the device', () => {
  it('offers one decision per field: the value the case holds against the newest other value', async () => {
    const { local } = await flaggedCase();
    expect(reviewChoices(local)).toEqual([
      { field: 'applicant.phone', serverValue: '0911000111', otherValue: '0933000333', by: 'field1', at: '2026-11-27T04:00:00.000Z', conflictsAt: ['2026-11-27T03:00:00.000Z', '2026-11-27T04:00:00.000Z'] },
      { field: 'applicant.name', serverValue: '王小明', otherValue: '王曉明', by: 'clerk2', at: '2026-11-27T03:00:00.000Z', conflictsAt: ['2026-11-27T03:00:00.000Z'] },
    ]);
  });

  it('takes the other value: an edit from the value shown, then the resolution, both in the outbox', async () => {
    const { db, local } = await flaggedCase();
    const [phone] = reviewChoices(local);
    if (!phone) throw new Error('no choice');
    const after = await resolveReview(local.id, phone, 'other', db);

    expect(after.applicant.phone).toBe('0933000333');
    expect(after.syncState).toBe('pending');
    // The name is still to decide, so the case stays flagged with that conflict only.
    expect(after.review?.conflicts.map((c) => c.field)).toEqual(['applicant.name']);
    const queued = (await pendingMutations(10, db)).map((entry) => entry.mutation);
    expect(queued.map((m) => [m.name, m.args])).toEqual([
      ['setField', { caseId: local.id, field: 'applicant.phone', base: '0911000111', value: '0933000333' }],
      ['setField', { caseId: local.id, field: 'review', base: null, value: { field: 'applicant.phone', conflictsAt: phone.conflictsAt, keep: 'other' } }],
    ]);
  });

  it('keeps the server value with the resolution alone, and clears the flag once every field is decided', async () => {
    const { db, local } = await flaggedCase();
    for (const choice of reviewChoices(local)) await resolveReview(local.id, choice, 'server', db);
    const after = await getCase(local.id, db);
    expect(after?.review).toBeUndefined();
    expect(after?.applicant).toMatchObject({ phone: '0911000111', name: '王小明' });
    const queued = (await pendingMutations(10, db)).map((entry) => entry.mutation);
    expect(queued.map((m) => (m.name === 'setField' ? [m.args.field, (m.args.value as { keep: string }).keep] : m.name))).toEqual([
      ['review', 'server'],
      ['review', 'server'],
    ]);
  });
});

describe('the review panel', () => {
  /**
   * The panel as it renders for a saved language: the locale store reads the saved choice when it
   * loads (server rendering sees that first state), and Node has no localStorage or document.
   */
  async function loadPanel(locale: 'zh-TW' | 'en') {
    vi.resetModules();
    Object.assign(globalThis, {
      localStorage: { getItem: () => locale, setItem: () => undefined },
      document: { documentElement: { lang: '' } },
    });
    return (await import('./ReviewConflicts')).ReviewConflicts;
  }

  it('shows both values of each field with the two choices and their shortcuts, in Chinese and in English', async () => {
    const { local } = await flaggedCase();
    const zh = renderToStaticMarkup(createElement(await loadPanel('zh-TW'), { record: local, onResolved: () => undefined }));
    expect(zh).toContain('需覆核');
    expect(zh).toContain('0911-000-111');
    expect(zh).toContain('0933-000-333');
    expect(zh).toContain('王曉明');
    expect(zh.match(/保留目前的值/g)).toHaveLength(2);
    expect(zh.match(/採用另一個值/g)).toHaveLength(2);
    expect(zh).toContain('<kbd>Alt+Y</kbd>');
    expect(zh).toContain('aria-keyshortcuts="Alt+O"');

    const en = renderToStaticMarkup(createElement(await loadPanel('en'), { record: local, onResolved: () => undefined }));
    expect(en).toContain('Needs review');
    expect(en.match(/Keep current value/g)).toHaveLength(2);
    expect(en.match(/Take other value/g)).toHaveLength(2);
    expect(en).toContain('Other value (field1');
  });

  it('shows nothing for a case without conflicts', async () => {
    const { local } = await flaggedCase();
    const { review: _none, ...clean } = local;
    expect(renderToStaticMarkup(createElement(await loadPanel('zh-TW'), { record: clean, onResolved: () => undefined }))).toBe('');
  });
});
