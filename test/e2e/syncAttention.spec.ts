import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';

/**
 * A push the server keeps failing (decision 0032): the counter stops resending it, tells the clerk
 * which case, what the server said and the reference IT looks it up by, and sends it again when asked.
 * The server's failure is played by the browser answering the push itself with a 500.
 */
test('a push the server keeps failing is shown with a reference for IT and sent again on request', async ({ page, appUrl }) => {
  test.setTimeout(180_000);
  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);
  await counter.signIn(appUrl);

  let failing = true;
  let failed = 0;
  await page.route('**/v1/sync/push', async (route) => {
    if (!failing) return route.fallback();
    failed += 1;
    const origin = route.request().headers()['origin'] ?? '*';
    return route.fulfill({
      status: 500,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'x-request-id', 'x-request-id': 'e2e-request-7' },
      body: JSON.stringify({ error: { code: 'internal_error', message: 'The server failed to handle this request' } }),
    });
  });

  await counter.fill({ service: 'HT-REGISTER', serviceId: 'HT-REGISTER', kind: 1, id: 'A123456789', name: '王小明', phone: '0912-345-678', documents: 'all-provided' });
  const caseNo = await counter.save();

  const notice = page.getByRole('alert').filter({ hasText: '同步需要處理' });
  await expect(notice).toBeVisible({ timeout: 120_000 });
  await expect(notice).toContainText(caseNo);
  await expect(notice).toContainText('伺服器發生錯誤');
  await expect(notice).toContainText('e2e-request-7');
  await expectNoAxeViolations(page, 'sync needs attention');

  // Marked: a sync now pulls but does not send the change again.
  const before = failed;
  await page.getByRole('button', { name: '立即同步' }).press('Enter');
  await expect(page.locator('.sync-indicator')).toHaveAttribute('data-state', 'online');
  expect(failed).toBe(before);

  failing = false;
  await notice.getByRole('button', { name: '重新傳送' }).press('Enter');
  await expect(notice).toHaveCount(0);
  await expect(page.locator('.sync-indicator')).toHaveAttribute('data-pending', '0');
});
