import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { CounterPage } from './support/pages/counterPage';
import { serverCopy } from './support/serverCopy';
import { signInOn } from './support/signInOn';

/**
 * The officer's day on the desk: a clerk registers a case at the counter; the officer, on another
 * computer, lands on the desk, finds it among the unit's unassigned cases, takes it, starts the review
 * and sends an approval for the chief's decision. The server then holds the case pending approval, with
 * the officer on it and the proposal's reasons.
 */

const REASONS = '申請人確實設籍於該屋，符合自住規定，擬准。';

test('the officer lands on the desk, takes a case a clerk registered, starts the review and sends it for approval', async ({ page, browser, appUrl, server }) => {
  // The clerk registers the case at the counter, and has no desk.
  const counter = new CounterPage(page);
  await counter.signIn(appUrl);
  await expect(page.getByRole('button', { name: /承辦桌/ })).toHaveCount(0);
  await counter.fill({ service: 'HT-REGISTER', serviceId: 'HT-REGISTER', kind: 1, id: 'A123456789', name: '王小明', phone: '0912345678', documents: 'all-provided' });
  const caseNo = await counter.save();

  // The officer signs in on another computer and lands on the desk, which has no intake.
  const officerContext = await browser.newContext({ locale: 'zh-TW', timezoneId: 'Asia/Taipei' });
  const desk = await officerContext.newPage();
  await desk.goto(appUrl);
  await desk.getByLabel('帳號').fill('officer');
  await desk.getByLabel('密碼').fill('officer-demo-2026');
  await desk.getByLabel('密碼').press('Enter');
  await expect(desk.getByRole('heading', { name: '承辦桌', level: 2 })).toBeVisible();
  await expect(desk.getByRole('button', { name: /承辦桌/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(desk.getByRole('button', { name: /新增案件/ })).toHaveCount(0);

  // The clerk's case reaches the unit's unassigned cases once it has synced and been pulled.
  const unassigned = desk.getByRole('table', { name: '本單位待分案' });
  await expect(unassigned.getByRole('row', { name: new RegExp(caseNo) })).toBeVisible({ timeout: 45_000 });
  await expectNoAxeViolations(desk, 'the desk');
  await unassigned.getByRole('button', { name: `開啟 ${caseNo}` }).focus();
  await desk.keyboard.press('Enter');
  await expect(desk.getByRole('heading', { name: new RegExp(caseNo) })).toBeVisible();

  // Take it, start the review, propose approval: the chief decides this service, so it goes for approval.
  const steps = desk.getByRole('region', { name: '承辦作業' });
  await steps.getByRole('button', { name: '承辦此案' }).click();
  await expect(steps.getByRole('status')).toHaveText('已記錄：承辦此案');
  await steps.getByRole('button', { name: '開始審核' }).click();
  await expect(steps.getByRole('status')).toHaveText('已記錄：開始審核');
  await expect(desk.getByRole('definition').filter({ hasText: '審核中' })).toBeVisible();
  await steps.getByRole('button', { name: '擬辦' }).click();
  const proposal = steps.getByRole('form', { name: '擬辦' });
  await expect(proposal.getByRole('radio', { name: '准予' })).toBeChecked();
  await proposal.getByRole('button', { name: '送核' }).click();
  await expect(proposal.getByText('必填')).toBeVisible();
  await proposal.getByLabel('理由（民眾會看到）').fill(REASONS);
  await proposal.getByRole('button', { name: '送核' }).click();
  await expect(steps.getByRole('status')).toHaveText('已記錄：擬辦');
  await expect(desk.getByRole('definition').filter({ hasText: '待核准' })).toBeVisible();
  await expectNoAxeViolations(desk, 'the desk steps of a case');

  // Back on the desk, the case is the officer's own now.
  await desk.keyboard.press('Alt+B');
  await expect(desk.getByRole('table', { name: '我的案件' }).getByRole('row', { name: new RegExp(caseNo) })).toContainText('待核准');

  // The server holds what the officer did.
  await expect.poll(async () => (await serverCopy(server.url, caseNo))?.status, { timeout: 45_000 }).toBe('pending-approval');
  const stored = await serverCopy(server.url, caseNo);
  expect(stored?.desk).toMatchObject({ unit: 'PROPERTY', assignee: 'officer', proposal: { outcome: 'approve', reasons: REASONS, by: 'officer' } });
  await officerContext.close();
});

test("the chief assigns a case to an officer of its unit chosen by name; offline, the username is typed and the form says why", async ({ page, browser, appUrl, server }) => {
  const counter = new CounterPage(page);
  await counter.signIn(appUrl);
  await counter.fill({ service: 'HT-REGISTER', serviceId: 'HT-REGISTER', kind: 1, id: 'A123456789', name: '王小明', phone: '0912345678', documents: 'all-provided' });
  const caseNo = await counter.save();

  // The supervisor, chief of every unit, finds the case among the units' unassigned cases on the desk.
  const chief = await signInOn(browser, appUrl, 'supervisor', 'supervisor-demo-2026');
  await chief.keyboard.press('Alt+C');
  const unassigned = chief.getByRole('table', { name: '本單位待分案' });
  await expect(unassigned.getByRole('row', { name: new RegExp(caseNo) })).toBeVisible({ timeout: 45_000 });
  await unassigned.getByRole('button', { name: `開啟 ${caseNo}` }).click();
  const steps = chief.getByRole('region', { name: '承辦作業' });

  // The unit's officers are offered by name; the chief picks one with the keyboard.
  await steps.getByRole('button', { name: '分案' }).click();
  const form = steps.getByRole('form', { name: '分案' });
  const officer = form.getByRole('combobox', { name: '分派給承辦人' });
  await expect(officer).toBeFocused();
  await expect(officer.getByRole('option')).toHaveText(['請選擇承辦人', '示範承辦人 / Demo officer (officer)']);
  await expectNoAxeViolations(chief, 'the assign form with the unit’s officers');
  await form.getByRole('button', { name: '分案' }).click();
  await expect(form.getByText('必填')).toBeVisible();
  await officer.focus();
  await chief.keyboard.press('ArrowDown');
  await expect(officer).toHaveValue('officer');
  await chief.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: '分案' })).toBeFocused();
  await chief.keyboard.press('Enter');
  await expect(chief.getByTestId('desk-step-status')).toHaveText('已記錄：分案');
  await expect.poll(async () => (await serverCopy(server.url, caseNo))?.desk?.assignee, { timeout: 45_000 }).toBe('officer');

  // Without the server there is no list: the username is typed, and the form says why.
  await server.stop();
  await steps.getByRole('button', { name: '分案' }).click();
  const typed = form.getByRole('textbox', { name: '分派給承辦人（帳號）' });
  await expect(typed).toBeFocused();
  await expect(typed).toHaveAccessibleDescription(/目前離線，無法取得本單位的承辦人名單/);
  await expectNoAxeViolations(chief, 'the assign form offline');
  await typed.fill('officer');
  await typed.press('Enter');
  await expect(chief.getByTestId('desk-step-status')).toHaveText('已記錄：分案');
  await chief.context().close();
});

test('the officer opens a case the bureau starts itself from the desk, and it reaches the server as the bureau’s own', async ({ browser, appUrl, server }) => {
  const desk = await signInOn(browser, appUrl, 'officer', 'officer-demo-2026');
  await expect(desk.getByRole('heading', { name: '承辦桌', level: 2 })).toBeVisible();
  await desk.getByRole('button', { name: '主動立案' }).click();
  await expect(desk.getByRole('heading', { name: '主動立案（本局主動服務）' })).toBeVisible();
  const bureau = new CounterPage(desk);
  await bureau.fillOpenForm({ service: 'HT-REGISTER', serviceId: 'HT-REGISTER', kind: 1, id: 'A123456789', name: '王小明', phone: '0912345678', documents: 'all-provided' });
  const caseNo = await bureau.save();
  await desk.getByRole('button', { name: '返回承辦桌' }).click();
  await expect(desk.getByRole('heading', { name: '承辦桌', level: 2 })).toBeVisible();
  await expect.poll(async () => (await serverCopy(server.url, caseNo))?.channel, { timeout: 45_000 }).toBe('bureau');
  await desk.context().close();
});
