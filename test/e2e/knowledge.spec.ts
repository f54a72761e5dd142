import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';

/**
 * The procedure panel at the counter: F1 beside the intake shows the chosen service's steps and Q&A,
 * its search finds an answer by a word in it, and Esc closes it and puts the
 * clerk back in the field they were typing in.
 */
test('a clerk opens the procedure panel with F1, searches an answer and closes it with Esc', async ({ page, appUrl }) => {
  const counter = new CounterPage(page);
  await counter.signIn(appUrl);
  await page.keyboard.press('Alt+N');
  const servicePicker = page.getByLabel('申請項目');
  await expect(servicePicker).toBeFocused();
  await page.keyboard.type('契稅申報');
  await page.keyboard.press('Enter');
  await expect(servicePicker).toHaveAttribute('data-service-id', 'DT-DECLARE');
  const typingIn = await page.evaluate(() => document.activeElement?.id ?? '');
  expect(typingIn).not.toBe('');

  await expect(page.getByRole('button', { name: 'F1 作業須知' })).toHaveAttribute('aria-keyshortcuts', 'F1');
  await page.keyboard.press('F1');
  const panel = page.getByRole('dialog', { name: '作業須知' });
  await expect(panel).toBeVisible();
  await expect(page.getByLabel('搜尋項目與問答')).toBeFocused();
  await expect(panel.getByRole('heading', { name: '契稅申報' })).toBeVisible();
  await expect(panel.locator('.knowledge-steps li')).toHaveCount(4);
  await expect(panel).toContainText('契稅條例第16條');
  await expect(panel).toContainText('契稅要在多久內申報？');

  // A word only an answer holds finds that answer; two terms narrow to another service’s answer.
  await page.keyboard.type('怠報金');
  const results = page.getByTestId('knowledge-results');
  await expect(results.getByRole('button', { name: '逾期申報有罰則嗎？' })).toBeVisible();
  await page.getByLabel('搜尋項目與問答').fill('騎樓 營業');
  await results.getByRole('button', { name: '騎樓擺放攤位或停放車輛還能減免嗎？' }).click();
  await expect(panel.getByRole('heading', { name: '騎樓走廊用地減免' })).toBeFocused();
  await expect(panel.locator('.knowledge-qa-found')).toContainText('供營業使用或妨礙通行的部分不符合減免要件');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page.locator(`#${typingIn}`)).toBeFocused();
  // The intake is as it was: the service chosen stays.
  await expect(servicePicker).toHaveAttribute('data-service-id', 'DT-DECLARE');
});

test('on the drive-through lane, F1 shows the car’s service and Esc goes back to the lane', async ({ page, appUrl }) => {
  await new CounterPage(page).signIn(appUrl);
  await page.keyboard.press('Alt+W');
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
  const typingIn = await page.evaluate(() => document.activeElement?.textContent ?? '');
  expect(typingIn).not.toBe('');

  await page.keyboard.press('F1');
  const panel = page.getByRole('dialog', { name: '作業須知' });
  await expect(panel.getByRole('heading', { name: '房屋稅籍證明、繳納證明、課稅明細' })).toBeVisible();
  await expect(panel).toContainText('非供財產憑證用');
  await expect(panel).toContainText('是否收費及金額請洽承辦單位確認');
  await expect(panel).toContainText('期限未經查證，可由本局調整');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(typingIn);
});
