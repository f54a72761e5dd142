import { expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';
import { guideShot } from './support/guideShots';

/** Walks the screens the user guide shows and photographs them (support/guideShots.ts). */
test('the screens of the user guide', async ({ page, appUrl }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);

  await page.goto(appUrl);
  await expect(page.getByLabel('帳號')).toBeVisible();
  await guideShot(page, '01-sign-in', testInfo.outputDir);

  await counter.signIn(appUrl);
  await counter.fill({ service: 'HT-REGISTER', serviceId: 'HT-REGISTER', kind: 1, id: 'A123456789', name: '王小明', phone: '0912-345-678', district: '200', address: '愛一路1號', documents: 'all-provided' });
  await guideShot(page, '02-intake', testInfo.outputDir);
  const caseNo = await counter.save();
  expect(caseNo).toMatch(/-KL01-/);
  await guideShot(page, '03-saved', testInfo.outputDir);

  await page.getByRole('button', { name: /案件清單/ }).click();
  await expect(page.getByText(caseNo).first()).toBeVisible();
  await guideShot(page, '04-case-list', testInfo.outputDir);

  await counter.openCase(caseNo);
  await guideShot(page, '05-case-detail', testInfo.outputDir);

  await page.getByRole('button', { name: /印表機設定/ }).click();
  await expect(page.getByRole('heading').filter({ hasText: /印表機|Printer/ }).first()).toBeVisible();
  await guideShot(page, '06-printers', testInfo.outputDir);

  // The drive-through lane with two cars waiting.
  await page.keyboard.press('Alt+W');
  await expect(page.getByRole('heading', { name: '免下車服務' })).toBeVisible();
  await page.getByLabel('車牌', { exact: true }).fill('ABC-1234');
  await page.keyboard.press('Alt+A');
  await page.getByLabel('車牌', { exact: true }).fill('XYZ-5678');
  await page.keyboard.press('Alt+A');
  await expect(page.getByTestId('lane-car')).toHaveCount(2);
  await guideShot(page, '07-lane', testInfo.outputDir);

  // Locked: the data stays encrypted until the clerk's password opens it.
  await page.keyboard.press('Alt+Q');
  await expect(page.getByRole('heading', { name: '已鎖定' })).toBeVisible();
  await guideShot(page, '08-locked', testInfo.outputDir);
  await page.getByLabel('密碼').fill('clerk-demo-2026');
  await page.getByLabel('密碼').press('Enter');
  await expect(page.getByRole('heading', { name: '已鎖定' })).toBeHidden();
});

test('the field visits screen of the user guide', async ({ page, appUrl }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(appUrl);
  await page.getByLabel('帳號').fill('fieldstaff');
  await page.getByLabel('密碼').fill('field-demo-2026');
  await page.getByLabel('密碼').press('Enter');
  await expect(page.getByText('櫃台: KL01')).toBeVisible();
  await page.keyboard.press('Alt+V');
  await expect(page.getByRole('heading', { name: '今日訪視' })).toBeVisible();
  // The demo data plans three visits for today: the screen shows the downloaded day.
  await page.keyboard.press('Alt+G');
  await expect(page.getByText(/已下載 \d+ 筆訪視/)).toBeVisible();
  await guideShot(page, '09-field-visits', testInfo.outputDir);
});
