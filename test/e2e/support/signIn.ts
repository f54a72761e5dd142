import { expect, type Page } from '@playwright/test';

/** Signs `username` in on the demo counter, with the print dialog stubbed (headless Chromium never closes it). */
export async function signIn(page: Page, appUrl: string, username: string, password: string): Promise<void> {
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  await page.goto(appUrl);
  await page.getByLabel('帳號').fill(username);
  await page.getByLabel('密碼').fill(password);
  await page.getByLabel('密碼').press('Enter');
  await expect(page.getByText('櫃台: KL01')).toBeVisible();
}
