import type { Page } from '@playwright/test';
import { DEMO_CLERK } from '../support/demoCounter';

/** Waits for the mark the intake form sets once its session, draft and usage have loaded. */
export async function waitForIntakeReady(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('counterdesk:intake-ready').length > 0, undefined, { timeout });
}

/** Opens the app; the browser host keeps no key across a reload, so the clerk's password unlocks it. */
export async function openUnlocked(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const locked = page.getByRole('heading', { name: '已鎖定' });
  await Promise.race([locked.waitFor({ timeout: 60_000 }), waitForIntakeReady(page, 60_000)]);
  if (await locked.isVisible()) {
    await page.getByLabel('密碼').fill(DEMO_CLERK.password);
    await page.getByLabel('密碼').press('Enter');
  }
  await waitForIntakeReady(page, 60_000);
}
