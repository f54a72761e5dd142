import type { Page } from '@playwright/test';
import { armProbe, readProbe } from '../support/probe';
import { rawListReadInPage } from './rawListReadInPage';

/** The desk's two lists (their data-testid) and the queues they read: the officer's own, and every unit's unassigned. */
const LISTS = ['desk-mine', 'desk-unassigned'] as const;
const QUEUES = ['officer:officer', 'unit:PROPERTY', 'unit:CONSUMPTION', 'unit:SERVICE', 'unit:LEGAL', 'unit:BRANCH1'];

/** The filter changes of one pass: status, then service, each back to all at the end. */
const FILTERS: readonly { label: '狀態' | '申請項目'; value: string; status: string }[] = [
  { label: '狀態', value: 'received', status: 'received' },
  { label: '狀態', value: 'in-review', status: 'in-review' },
  { label: '狀態', value: 'awaiting-documents', status: 'awaiting-documents' },
  { label: '狀態', value: 'pending-approval', status: 'pending-approval' },
  { label: '狀態', value: '', status: '' },
  { label: '申請項目', value: 'HT-REGISTER', status: '' },
  { label: '申請項目', value: 'LVT-SELF-USE', status: '' },
  { label: '申請項目', value: '', status: '' },
];

/** The query sequence numbers the two lists show now (a new answer raises them). */
async function listSeqs(page: Page): Promise<number[]> {
  return page.evaluate((ids) => ids.map((id) => Number(document.querySelector<HTMLElement>(`[data-testid=${id}] [data-search-seq]`)?.dataset.searchSeq ?? 0)), LISTS);
}

/**
 * One repetition's filter changes: each from the select's input to both desk lists answered and
 * painted, beside the raw reads of the same first rows from the same indexes in the same page.
 */
export async function measureFilters(page: Page): Promise<{ samples: number[]; raw: number[] }> {
  const samples: number[] = [];
  const raw: number[] = [];
  // Five times over (40 changes), so that a repetition's p95 is not simply its slowest change.
  for (const filter of Array.from({ length: 5 }, () => FILTERS).flat()) {
    await armProbe(page, 'input', { kind: 'lists', ids: LISTS, after: await listSeqs(page) });
    await page.getByLabel(filter.label, { exact: true }).selectOption(filter.value);
    samples.push(await readProbe(page));
    raw.push(await page.evaluate(rawListReadInPage, [filter.status, QUEUES] as const));
  }
  return { samples, raw };
}
