import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { signIn } from './support/signIn';

test('the administrator keeps units and staff: mistakes beside their fields, a new unit staffed', async ({ page, appUrl }) => {
  await signIn(page, appUrl, 'admin', 'admin-demo-2026');
  await page.getByRole('button', { name: '單位與人員' }).click();
  await expect(page.getByRole('table', { name: '單位' }).getByRole('row', { name: /財產稅科/ })).toBeVisible();

  // A bad code and a missing name are refused beside their fields, in both languages, before anything is sent.
  const form = page.getByRole('form', { name: '新增單位' });
  await form.getByLabel('單位代碼').fill('b');
  await form.getByLabel('英文名稱').fill('Second Branch Office');
  await form.getByLabel('英文名稱').press('Enter');
  await expect(form.getByText('代碼須為 2 至 16 個大寫英文字母、數字或連字號')).toBeVisible();
  await expect(form.getByText('A code is 2–16 capital letters, digits or hyphens')).toBeVisible();
  await expect(form.getByLabel('單位代碼')).toBeFocused();
  await expectNoAxeViolations(page, 'the units screen with errors');

  // A taken code comes back from the server beside the code.
  await form.getByLabel('單位代碼').fill('legal');
  await form.getByLabel('中文名稱').fill('第二分局');
  await form.getByLabel('中文名稱').press('Enter');
  await expect(form.getByText('已有單位使用這個代碼')).toBeVisible();

  await form.getByLabel('單位代碼').fill('branch2');
  await form.getByLabel('中文名稱').press('Enter');
  await expect(page.getByText('已新增單位「第二分局」')).toBeVisible();
  // The new unit opens, and the keyboard is in it.
  await expect(page.getByRole('heading', { name: '第二分局 的人員' })).toBeFocused();

  const member = page.getByRole('form', { name: '加入人員' });
  await member.getByLabel('人員帳號').fill('clerk');
  await member.getByLabel('人員帳號').press('Enter');
  await expect(member.getByText('此人須具承辦人角色，才能擔任承辦人')).toBeVisible();
  await member.getByLabel('人員帳號').fill('officer');
  await member.getByLabel('人員帳號').press('Enter');
  await expect(page.getByText('officer 已擔任第二分局承辦人')).toBeVisible();
  await expect(page.getByRole('button', { name: '移除 示範承辦人 / Demo officer 的承辦人職務' })).toBeVisible();
  await expect(page.getByRole('table', { name: '單位' }).getByRole('row', { name: /第二分局/ })).toContainText('1');
  await expectNoAxeViolations(page, 'the units screen with a unit open');
});

test("the supervisor's home shows this month's on-time rate and the approvals running out", async ({ page, appUrl }) => {
  await signIn(page, appUrl, 'supervisor', 'supervisor-demo-2026');
  await page.getByRole('button', { name: '主管審核' }).click();
  await expect(page.getByRole('heading', { name: '本月準時率' })).toBeVisible();
  const renewals = page.getByRole('region', { name: '即將到期的核定（主動服務）' });
  await expect(renewals.getByRole('row', { name: /張○明/ })).toContainText('身心障礙者使用牌照稅免稅申請');
  await expect(renewals.getByRole('row', { name: /張○明/ })).toContainText('消費稅科');
  await expectNoAxeViolations(page, "the supervisor's home");
});
