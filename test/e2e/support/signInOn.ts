import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures';
import { CounterPage } from './pages/counterPage';

/**
 * Another person on a computer of their own: a fresh browser context (Taiwanese locale and time zone,
 * the print dialog stubbed), signed in and on their home screen.
 */
export async function signInOn(browser: Browser, appUrl: string, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-TW', timezoneId: 'Asia/Taipei', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await CounterPage.stubPrintDialog(page);
  await page.goto(appUrl);
  await page.getByLabel('帳號').fill(username);
  await page.getByLabel('密碼').fill(password);
  await page.getByLabel('密碼').press('Enter');
  await expect(page.getByText('櫃台: KL01')).toBeVisible();
  return page;
}
