import type { BrowserContext, Locator, Page } from '@playwright/test';
import { printCpuProfile, startCpuProfile } from '../support/cpuProfile';
import { p95 } from '../support/percentile';
import { armProbe, readProbe } from '../support/probe';
import { seededCaseNo } from './seedCases';
import type { SeededPerson } from './seededPeople';

export interface SearchFigures {
  /** The p95 of each repetition's searches, input → first rows painted. */
  search: number[];
  /** Input → the exact count of a broad filter shown, each time. */
  counted: number[];
}

interface SearchSetup {
  page: Page;
  box: Locator;
  /** The seeded cases. */
  cases: number;
  /** Every case listed: the seed, the saved ones, and what the demo server's pull brought. */
  listed: number;
  people: readonly SeededPerson[];
  /** Per kind of search, printed so that a slow figure points at its query. */
  byKind: Map<string, number[]>;
}

async function waitForEveryCase(page: Page, least: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="result-count"]')?.getAttribute('data-count') || 0) >= n, least, { timeout: 120_000 });
}

/** ms from `action`'s input event to its search's first rows painted (or, `counted`, its exact count shown). */
async function probeSearch(page: Page, action: () => Promise<void>, until: 'search' | 'counted' = 'search'): Promise<number> {
  const seq = Number(await page.getByTestId('result-count').getAttribute('data-search-seq'));
  await armProbe(page, 'input', { kind: until, afterSeq: seq });
  await action();
  return readProbe(page);
}

const chooseStatus = (page: Page, status: string) => () => page.getByLabel('狀態').selectOption(status).then(() => undefined);

/** One repetition: case number, ID, phone and full name of six seeded cases, then three status filters. */
async function searchRound(setup: SearchSetup, r: number): Promise<number[]> {
  const { page, box, byKind } = setup;
  const samples: number[] = [];
  const sample = (kind: string, ms: number) => {
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    samples.push(ms);
  };
  for (let k = 0; k < 6; k += 1) {
    const sequence = 1 + ((r * 7919 + k * 104_729) % setup.cases);
    const person = setup.people[(sequence - 1) % setup.people.length];
    const searches: [string, string][] = [
      ['caseNo', seededCaseNo(sequence)],
      ['idNumber', person?.idNumber ?? ''],
      ['phone', person?.phone ?? ''],
      ['name', person?.name ?? ''],
    ];
    for (const [kind, text] of searches) sample(kind, await probeSearch(page, () => box.fill(text)));
  }
  await box.fill('');
  await waitForEveryCase(page, setup.listed);
  for (const status of ['awaiting-documents', 'in-review', '']) sample(`status:${status || 'all'}`, await probeSearch(page, chooseStatus(page, status)));
  return samples;
}

/** Searches in the case list (Alt+L), then the exact count of broad filters, which follows their first rows. */
export async function measureSearches(context: BrowserContext, page: Page, reps: number, seed: Omit<SearchSetup, 'page' | 'box' | 'byKind'>): Promise<SearchFigures> {
  await page.keyboard.press('Alt+L');
  const setup: SearchSetup = { ...seed, page, box: page.getByLabel('案件編號、證號、電話或姓名'), byKind: new Map() };
  await setup.box.waitFor();
  await waitForEveryCase(page, setup.listed);
  const profiler = await startCpuProfile(context, page);
  const search: number[] = [];
  for (let r = 0; r < reps; r += 1) search.push(p95(await searchRound(setup, r)));
  await printCpuProfile(profiler, 'the searches');
  const counted: number[] = [];
  for (let r = 0; r < reps; r += 1) {
    for (const status of ['received', 'closed', '']) counted.push(await probeSearch(page, chooseStatus(page, status), 'counted'));
  }
  for (const [kind, values] of setup.byKind) console.log(`  search ${kind}: p95 ${Math.round(p95(values))} ms, max ${Math.round(Math.max(...values))} ms`);
  return { search, counted };
}
