import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';

/**
 * A same-day service (隨到隨辦) done on the spot at the counter, by keyboard: Alt+F saves the case closed
 * and handed over and prints its result slip; a missing document keeps it from closing, losing nothing
 * typed; the server takes the case closed.
 */
test('a clerk closes a same-day case on the spot with one key, and it prints its result slip', async ({ page, appUrl }) => {
  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);
  await counter.signIn(appUrl);
  // GEN-CERT: the application, then 身分證正本 and 印章 for a person; the first marked missing.
  await counter.fill({ service: '稅籍證明', serviceId: 'GEN-CERT', kind: 1, id: 'A123456789', name: '王小明', phone: '0912345678', documents: ['m', 'p', 'p'] });
  const done = page.getByRole('button', { name: /當場辦結/ });
  await expect(done).toHaveAttribute('aria-keyshortcuts', 'Alt+F');
  const axe = await new AxeBuilder({ page }).exclude('#print-area').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // A missing document: refused next to the button, the form kept as typed.
  await page.keyboard.press('Alt+F');
  await expect(page.locator('#on-spot-error')).toContainText('仍有欠缺文件');
  await expect(page.getByLabel('申請人身分證字號／統一編號')).toHaveValue('A123456789');
  await expect(page.getByRole('status').filter({ hasText: '已儲存案件' })).toHaveCount(0);

  await counter.checklistRows().first().getByLabel('已提供').check();
  await page.keyboard.press('Alt+F');
  const banner = page.getByRole('status').filter({ hasText: '已儲存案件' });
  await expect(banner).toContainText('已當場辦結並交付');
  const caseNo = /已儲存案件 (\S+)/.exec((await page.locator('#saved-title').textContent()) ?? '')?.[1] ?? '';
  expect(caseNo).toMatch(/^\d{3}-KL01-\d{6}-[0-9A-Z]$/);
  const slip = page.getByTestId('result-slip');
  await expect(slip).toHaveAttribute('data-case-no', caseNo);
  await expect(slip).toContainText('已當場辦結交付 Done and handed over at the counter');
  await expect(slip).toContainText('王○明');
  await expect(page.getByLabel('申請人身分證字號／統一編號')).toHaveValue('');

  // The case is closed here and, once synced, on the server's copy it pulls back.
  await counter.openCase(caseNo);
  await expect(page.getByTestId('detail-status')).toHaveText('已結案');
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
  await expect(page.getByTestId('detail-status')).toHaveText('已結案');
  await expect(page.getByRole('button', { name: '撤回案件' })).toHaveCount(0);
});

test('on the drive-through lane, Done closes the car’s same-day case and prints its slip before the signature', async ({ page, appUrl }) => {
  await CounterPage.stubPrintDialog(page);
  await new CounterPage(page).signIn(appUrl);
  await page.keyboard.press('Alt+W');
  // The car queues by its plate (decision 0013, on the queue).
  await page.getByLabel('車牌', { exact: true }).fill('ABC-1234');
  await page.keyboard.press('Alt+A');
  await expect(page.getByLabel('申請人身分證字號／統一編號')).toBeFocused();
  await page.keyboard.type('A123456789');
  await page.keyboard.press('Enter');
  await page.keyboard.type('王小明');
  await page.keyboard.press('Enter');
  await page.keyboard.type('稅籍證明');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lane-service-chosen')).toContainText('房屋稅籍證明');
  await page.keyboard.press('Alt+F');
  await expect(page.getByTestId('done-on-spot')).toHaveText('已當場辦結並交付。');
  const caseNo = /已登錄案件 (\S+)/.exec((await page.getByText(/已登錄案件 \S+/).textContent()) ?? '')?.[1] ?? '';
  await expect(page.getByTestId('result-slip')).toHaveAttribute('data-case-no', caseNo);
  // No receipt for a case already done: once signed, the car simply leaves.
  await expect(page.getByRole('button', { name: /完成，車輛離開/ })).toBeDisabled();
});
