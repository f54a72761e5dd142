import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { guideShot } from './support/guideShots';
import { signIn } from './support/signIn';

test("the administrator's console: users and roles, devices and stations, units, audit trail, server health", async ({ page, appUrl, server }, testInfo) => {
  await signIn(page, appUrl, 'admin', 'admin-demo-2026');
  // The administrator lands on the console, and nothing tries the case sync the role may not run.
  await expect(page.getByRole('heading', { name: '帳號與角色' })).toBeVisible();
  await expect(page.getByText(/sync:pull|Your role may not|您的角色不能執行/)).toHaveCount(0);
  // Nothing of the counter's: no customer display for a person who takes no cases in.
  await expect(page.getByRole('button', { name: /民眾確認畫面/ })).toHaveCount(0);
  await expect(page.getByRole('table', { name: '帳號' }).getByRole('row', { name: /示範主管/ })).toContainText('主管');

  // An account holding the administrator with a case role is refused beside the roles, in both languages.
  const form = page.getByRole('form', { name: '新增帳號' });
  await form.getByLabel('帳號').fill('Chen.Clerk');
  await form.getByLabel('姓名').fill('陳櫃台');
  await form.getByRole('checkbox', { name: '系統管理員' }).check();
  await form.getByRole('checkbox', { name: '主管' }).check();
  await form.getByRole('button', { name: '新增帳號' }).click();
  await expect(form.getByText('系統管理員不能同時具有櫃台、到府服務、承辦人或主管角色')).toBeVisible();
  await expect(form.getByText('The administrator role cannot be held with clerk, field staff, officer or supervisor')).toBeVisible();
  await expectNoAxeViolations(page, 'the users screen with an error');

  await form.getByRole('checkbox', { name: '系統管理員' }).uncheck();
  await form.getByRole('button', { name: '新增帳號' }).click();
  await expect(page.getByText('已新增帳號 chen.clerk')).toBeVisible();
  // The password the server made is shown once, with the keyboard on it.
  await expect(page.getByRole('heading', { name: 'chen.clerk 的密碼' })).toBeFocused();
  await expect(page.getByRole('status', { name: 'chen.clerk 的密碼' })).toHaveText(/^[A-Za-z2-9]{16}$/);
  await expect(page.getByRole('table', { name: '帳號' }).getByRole('row', { name: /陳櫃台/ })).toContainText('主管');
  await guideShot(page, '14-admin-users', testInfo.outputDir);
  await page.getByRole('button', { name: '已交付，隱藏' }).click();

  // Devices: a one-time enrolment code, a device enrolled with it, then revoked with a reason.
  await page.getByRole('button', { name: /設備與櫃台/ }).click();
  const codeForm = page.getByRole('form', { name: '新設備註冊碼' });
  await codeForm.getByLabel('櫃台代碼').fill('KL01');
  await codeForm.getByLabel('櫃台代碼').press('Enter');
  await expect(codeForm.getByText('這個櫃台代碼已有設備或未使用的註冊碼')).toBeVisible();
  await codeForm.getByLabel('櫃台代碼').fill('kl07');
  await codeForm.getByLabel('櫃台代碼').press('Enter');
  const code = (await page.getByRole('status', { name: '櫃台 KL07 的註冊碼' }).textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByRole('table', { name: '尚未使用的註冊碼' }).getByRole('row', { name: /KL07/ })).toContainText('admin');
  await expectNoAxeViolations(page, 'the devices screen with a code');

  const enrolled = await fetch(`${server.url}/v1/devices/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: '七堵櫃台' }) });
  expect(enrolled.status).toBe(200);
  await page.getByRole('button', { name: '重新整理' }).click();
  await expect(page.getByRole('table', { name: '櫃台代碼與設備' }).getByRole('row', { name: /KL07/ })).toContainText('七堵櫃台');
  await page.getByRole('button', { name: '停用 七堵櫃台' }).click();
  const revoke = page.getByRole('form', { name: /停用 七堵櫃台/ });
  await revoke.getByRole('button', { name: '確認停用' }).click();
  await expect(revoke.getByText('此欄必填')).toBeVisible();
  await revoke.getByLabel('停用原因').fill('遺失');
  await revoke.getByRole('button', { name: '確認停用' }).click();
  await expect(page.getByText('已停用 七堵櫃台')).toBeVisible();
  await expect(page.getByRole('table', { name: '設備', exact: true }).getByRole('row', { name: /七堵櫃台/ })).toContainText('遺失');
  await guideShot(page, '15-admin-devices', testInfo.outputDir);

  // A code for the entrance ticket kiosk: the kiosk takes the next kiosk number (the demo kiosk holds 1).
  await codeForm.getByRole('radio', { name: '叫號機' }).check();
  await codeForm.getByLabel('櫃台代碼').fill('KS07');
  await codeForm.getByLabel('櫃台代碼').press('Enter');
  const kioskCode = (await page.getByRole('status', { name: '叫號機（櫃台代碼 KS07）的註冊碼' }).textContent()) ?? '';
  await expect(codeForm.getByRole('radio', { name: '櫃台電腦' })).toBeChecked();
  const asCounter = await fetch(`${server.url}/v1/devices/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: kioskCode, name: '入口叫號機', kind: 'workstation' }) });
  expect(asCounter.status).toBe(400);
  const kiosk = await fetch(`${server.url}/v1/devices/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: kioskCode, name: '入口叫號機', kind: 'kiosk' }) });
  expect(await kiosk.json()).toMatchObject({ kind: 'kiosk', kioskNo: 2 });
  await page.getByRole('button', { name: '重新整理' }).click();
  await expect(page.getByRole('table', { name: '設備', exact: true }).getByRole('row', { name: /入口叫號機/ })).toContainText('叫號機 2');
  await expectNoAxeViolations(page, 'the devices screen with a kiosk');

  // Units and staff, as before, from the console's navigation.
  await page.getByRole('button', { name: '單位與人員' }).click();
  await expect(page.getByRole('table', { name: '單位' }).getByRole('row', { name: /財產稅科/ })).toBeVisible();

  // The audit trail: its status (or, on a server without it, a plain "not available"), and a walk of the chain.
  await page.getByRole('button', { name: '稽核紀錄' }).click();
  await expect(page.getByText('此伺服器尚未提供這項功能，請更新伺服器。').or(page.getByText('紀錄筆數'))).toBeVisible();
  await page.getByRole('button', { name: '立即驗證整條紀錄' }).click();
  await expect(page.getByText(/稽核紀錄完整：共 \d+ 筆/)).toBeVisible();
  await expectNoAxeViolations(page, 'the audit trail screen');

  await page.getByRole('button', { name: '伺服器狀態' }).click();
  await expect(page.getByText('0.1.0')).toBeVisible();
  await expect(page.getByText(/內建資料庫（PGlite） · 連線正常/)).toBeVisible();
  await expectNoAxeViolations(page, 'the server health screen');

  // The same in English: the console has no untranslated words.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Server health' })).toBeVisible();
  await expect(page.getByText(/sync:pull/)).toHaveCount(0);
});
