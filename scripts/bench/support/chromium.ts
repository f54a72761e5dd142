import { chromium, type Page } from '@playwright/test';

/** Debian's Chromium, or the one CHROMIUM_PATH names, as for the end-to-end tests. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium's own background work (updates, sync, QUIC, the GPU process) kept out of the figures. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

/** The counter's window: Taiwanese locale and time zone, a counter screen's size. */
export const COUNTER_WINDOW = { locale: 'zh-TW', timezoneId: 'Asia/Taipei', viewport: { width: 1280, height: 900 } };

/** A fresh Chromium with one page in the counter's window; `initScript` runs before every document of it. */
export async function openCounterPage(initScript: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext(COUNTER_WINDOW);
  const page = await context.newPage();
  await page.addInitScript({ content: initScript });
  return { page, close: () => browser.close() };
}
