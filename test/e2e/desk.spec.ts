import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { CounterPage } from './support/pages/counterPage';
import { serverCopy } from './support/serverCopy';

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
