import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demoClerk, expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';

/**
 * People take turns on one computer (docs/decisions/0017-shared-device-escrow.md): the browser host has
 * no OS key store, so before the escrow copy a supervisor signing in after the clerk met only the lock
 * screen. One browser context, one IndexedDB: what the clerk saved, the supervisor reads.
 */

const demoSupervisor = { username: 'supervisor', password: 'supervisor-demo-2026' };

async function signInAs(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByLabel('帳號').fill(user.username);
  await page.getByLabel('密碼').fill(user.password);
  await page.getByLabel('密碼').press('Enter');
}

test('a supervisor signs in after the clerk on the same browser and reads the clerk’s case; the lock screen lets another user in', async ({ page, appUrl }) => {
  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);
  await counter.signIn(appUrl);
  await counter.fill({ service: 'GEN-ADDRESS', serviceId: 'GEN-ADDRESS', kind: 1, id: 'A123456789', name: '王小明', phone: '0912345678', documents: 'all-provided' });
  const caseNo = await counter.save();

  await page.getByRole('button', { name: '登出', exact: true }).click();
  await expect(page.getByRole('heading', { name: '登入' })).toBeVisible();
  await signInAs(page, demoSupervisor);
  await expect(page.getByText('櫃台: KL01')).toBeVisible();
  await expect(page.getByRole('heading', { name: '已鎖定' })).toBeHidden();
  await counter.openCase(caseNo);
  await expect(page.getByText('王小明').first()).toBeVisible();

  // The supervisor locks; the clerk walks back and signs in as themselves from the lock screen.
  await page.keyboard.press('Alt+Q');
  await expect(page.getByRole('heading', { name: '已鎖定' })).toBeVisible();
  const switchUser = page.getByRole('button', { name: '以其他使用者登入' });
  await expect(switchUser).toBeVisible();
  const axe = await new AxeBuilder({ page }).exclude('#print-area').analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  await switchUser.click();
  await expect(page.getByRole('heading', { name: '登入' })).toBeVisible();
  await signInAs(page, demoClerk);
  await expect(page.getByText('櫃台: KL01')).toBeVisible();
  await counter.openCase(caseNo);
  await expect(page.getByText('王小明').first()).toBeVisible();
});
