import type { BrowserContext, Page } from '@playwright/test';

/**
 * The renderer's JS heap in MB after a forced GC, once the case list has scrolled to the middle of
 * every case: the window must fill without loading them all.
 */
export async function measureHeap(context: BrowserContext, page: Page): Promise<number> {
  const viewport = page.getByTestId('case-viewport');
  await viewport.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await page.locator('tbody tr[data-case-no]').first().waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return heap.usedSize / 2 ** 20;
}
