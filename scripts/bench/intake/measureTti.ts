import type { Page } from '@playwright/test';
import { openUnlocked } from './openUnlocked';

/** Time to interactive, `runs` times: navigation start → the intake form ready, unlock included. */
export async function measureTti(page: Page, url: string, runs: number): Promise<number[]> {
  const tti: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    await openUnlocked(page, url);
    tti.push(await page.evaluate(() => performance.getEntriesByName('counterdesk:intake-ready')[0]?.startTime ?? Number.NaN));
  }
  return tti;
}
