import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, COUNTER_WINDOW } from './chromium';

export interface CounterProfile {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/**
 * Chromium with a persistent profile of its own: Playwright's default context keeps IndexedDB in
 * memory, which would flatter every figure.
 */
export async function openCounterProfile(): Promise<CounterProfile> {
  const dir = mkdtempSync(join(tmpdir(), 'counterdesk-bench-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, ...COUNTER_WINDOW });
  const page = context.pages()[0] ?? (await context.newPage());
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f; window.print = () => undefined;' });
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
