import type { Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../shared/schemas/device';
import { caseNotificationsSchema } from '../../shared/schemas/supervision';
import { visitListSchema } from '../../shared/schemas/visit';
import { demoDevice } from '../../server/src/db/seedDemo';
import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { signIn } from './support/signIn';
import { DocumentsPanel } from './support/pages/documentsPanel';

/**
 * A field worker's whole day (到府服務): a supervisor plans a visit, the worker downloads the day's
 * plan, the central server goes down for the day, every visit is worked from the laptop (an intake
 * with a scanned document and a signature whose receipt goes by SMS, a receipt printed on the
 * portable printer, a visit not done), and when the server is back one sync sends it all, with a
 * summary of what was sent. The server then holds each outcome once and one receipt SMS per case.
 */

const root = resolve(import.meta.dirname, '../..');
const scan = join(root, 'test/fixtures/documents/page.png');
const device = { [DEVICE_ID_HEADER]: demoDevice.id, [DEVICE_SECRET_HEADER]: demoDevice.secret };
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

async function supervisorToken(serverUrl: string): Promise<string> {
  const response = await fetch(`${serverUrl}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...device },
    body: JSON.stringify({ username: 'supervisor', password: 'supervisor-demo-2026', deviceId: demoDevice.id }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function serverGet(serverUrl: string, token: string, path: string): Promise<unknown> {
  const response = await fetch(`${serverUrl}${path}`, { headers: { authorization: `Bearer ${token}`, ...device } });
  expect(response.status, path).toBe(200);
  return response.json();
}

function visitRow(page: Page, name: string) {
  return page.getByRole('table', { name: '訪視清單' }).getByRole('row').filter({ hasText: name });
}

async function openVisit(page: Page, name: string): Promise<void> {
  await visitRow(page, name).getByRole('button', { name: /開啟/ }).click();
  await expect(page.getByRole('heading', { level: 2 }).filter({ hasText: name })).toBeVisible();
}

/** The intake is prefilled from the plan; the worker marks every document provided and saves. */
async function intakeAtTheHome(page: Page): Promise<string> {
  await page.keyboard.press('Alt+I');
  await expect(page.getByLabel('申請項目')).toHaveAttribute('data-service-id', /.+/);
  for (const provided of await page.locator('.doc-row input[value=provided]').all()) await provided.check();
  await page.getByRole('button', { name: /儲存案件/ }).click();
  const made = page.getByRole('heading', { name: /已建立案件/ });
  await expect(made).toBeVisible();
  return /已建立案件 (\S+)/.exec((await made.textContent()) ?? '')?.[1] ?? '';
}

test('a day of field visits worked offline, sent on return with a summary', async ({ browser, page, server, appUrl }) => {
  test.setTimeout(300_000);

  // The supervisor plans a visit for today, on their own machine; a bad form is refused field by field.
  const supervisorContext = await browser.newContext({ locale: 'zh-TW', timezoneId: 'Asia/Taipei' });
  const supervisor = await supervisorContext.newPage();
  await signIn(supervisor, appUrl, 'supervisor', 'supervisor-demo-2026');
  await supervisor.getByRole('button', { name: /到府服務/ }).click();
  const planner = supervisor.locator('.visit-planner');
  await planner.getByLabel('身分證字號／統一編號').fill('A123456788');
  await planner.getByRole('button', { name: '排定訪視' }).click();
  await expect(planner.locator('#plan-idNumber-error')).toContainText('檢查碼');
  await expect(planner.locator('#plan-idNumber-error')).toContainText('check digit');
  await expect(planner.locator('#plan-assignee-error')).toContainText('Required');
  await expectNoAxeViolations(supervisor, 'the planner with errors');
  await planner.getByLabel('到府服務人員').selectOption('fieldstaff');
  await planner.getByLabel('時間').fill('15:30');
  await planner.getByLabel('申請項目').selectOption('HT-LOW-INCOME');
  await planner.getByLabel('身分證字號／統一編號').fill('a123456789');
  await planner.getByLabel('姓名').fill('王小明');
  await planner.getByLabel('電話').fill('0912-345-678');
  await planner.getByLabel('行政區').selectOption('201');
  await planner.getByLabel('街道地址').fill('信一路 50 號 2 樓');
  await planner.getByRole('button', { name: '排定訪視' }).click();
  await expect(supervisor.getByText('已排定 15:30 王小明')).toBeVisible();
  await expect(supervisor.getByRole('table', { name: `${today} 的訪視` }).getByRole('row').filter({ hasText: '王小明' })).toContainText('尚未回報');

  // The worker downloads the day's plan before leaving: the demo visits and the one just planned.
  await signIn(page, appUrl, 'fieldstaff', 'field-demo-2026');
  await page.keyboard.press('Alt+V');
  await page.keyboard.press('Alt+G');
  await expect(page.getByText(/已下載 4 筆訪視/)).toBeVisible();
  await expectNoAxeViolations(page, "the day's plan");

  // The central server is down for the rest of the day.
  await server.stop();

  // 1. 王小明: intake, a scanned document and a signature; the receipt goes by SMS once back online.
  await openVisit(page, '王小明');
  const smsCaseNo = await intakeAtTheHome(page);
  await page.getByRole('button', { name: '掃描文件與簽名' }).click();
  await page.getByLabel('選擇檔案 Choose files').setInputFiles(scan);
  await expect(page.getByTestId('pending-page')).toHaveCount(1);
  await page.getByLabel('證明項目 Proves checklist item').selectOption({ index: 1 });
  await page.getByRole('button', { name: '保存文件 Save document' }).click();
  await expect(page.getByTestId('saved-document')).toHaveCount(1);
  await new DocumentsPanel(page).sign();
  await page.keyboard.press('Alt+B');
  await page.getByLabel(/以簡訊寄送案號與進度連結/).check();
  await page.getByRole('button', { name: '完成訪視', exact: true }).click();
  await expect(page.getByText('已記錄，回到連線後自動送出')).toBeVisible();
  await page.keyboard.press('Alt+B');

  // 2. 陳阿嬤: nobody home.
  await openVisit(page, '陳阿嬤');
  await expectNoAxeViolations(page, 'a visit');
  await page.getByRole('button', { name: '未完成訪視…' }).click();
  await page.getByLabel('常見原因').selectOption('other');
  await page.getByRole('button', { name: '記錄未完成' }).click();
  await expect(page.locator('#visit-reason-detail-error')).toContainText('請說明未完成的原因');
  await expect(page.locator('#visit-reason-detail-error')).toContainText('Say why the visit was not done');
  await page.getByLabel('常見原因').selectOption('nobody-home');
  await page.getByRole('button', { name: '記錄未完成' }).click();
  await expect(page.getByText('已記錄，回到連線後自動送出')).toBeVisible();
  await page.keyboard.press('Alt+B');

  // 3. 黃太太 has no mobile phone: no SMS possible, so the receipt is printed on the portable printer.
  await openVisit(page, '黃太太');
  const printedCaseNo = await intakeAtTheHome(page);
  await page.getByLabel(/以簡訊寄送案號與進度連結/).check();
  await page.getByRole('button', { name: '完成訪視', exact: true }).click();
  await expect(page.locator('#visit-receipt-error')).toContainText('no mobile number');
  await page.getByLabel('以攜帶式印表機列印收執聯').check();
  await page.getByRole('button', { name: '列印收執聯' }).click();
  await expect(page.getByTestId('receipt')).toContainText(printedCaseNo);
  await page.getByRole('button', { name: '完成訪視', exact: true }).click();
  await expect(page.getByText('已記錄，回到連線後自動送出')).toBeVisible();
  await page.keyboard.press('Alt+B');

  // The day's list shows the work waiting to be sent; nothing has reached the server.
  await expect(visitRow(page, '王小明')).toHaveAttribute('data-outcome-sync', 'pending');
  await expect(visitRow(page, '陳阿嬤')).toHaveAttribute('data-state', 'not-done');
  await expect(visitRow(page, '黃太太')).toHaveAttribute('data-state', 'done');
  await expect(visitRow(page, '林先生')).toHaveAttribute('data-state', 'planned');

  // Back at the office: the server is up again and one sync sends everything, then says what it sent.
  await server.start();
  await page.getByRole('button', { name: '立即同步' }).click();
  const summary = page.getByTestId('return-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary).toContainText('回到連線：已送出的資料');
  await expect(summary).toContainText('案件 2 件');
  await expect(summary).toContainText(/文件 2 份（\d+\.\d MB）/);
  await expect(summary).toContainText('訪視結果 3 筆');
  await expectNoAxeViolations(page, 'the summary after return');
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(summary).toHaveCount(0);
  for (const name of ['王小明', '陳阿嬤', '黃太太']) await expect(visitRow(page, name)).toHaveAttribute('data-outcome-sync', 'sent');

  // A second sync sends nothing again.
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByText('已連線')).toBeVisible();

  // What the server holds: each outcome once, and one receipt SMS for the case made at 王小明's home.
  const token = await supervisorToken(server.url);
  const { visits } = visitListSchema.parse(await serverGet(server.url, token, `/v1/visits?date=${today}`));
  const byName = new Map(visits.map((visit) => [visit.applicant.name, visit]));
  expect(byName.get('王小明')?.outcome).toMatchObject({ state: 'done', caseNo: smsCaseNo, receipt: 'sms', reportedBy: 'fieldstaff' });
  expect(['pending', 'sending', 'sent']).toContain(byName.get('王小明')?.outcome?.sms);
  expect(byName.get('陳阿嬤')?.outcome).toMatchObject({ state: 'not-done', caseId: null });
  expect(byName.get('陳阿嬤')?.outcome?.reason).toContain('無人在家');
  expect(byName.get('黃太太')?.outcome).toMatchObject({ state: 'done', caseNo: printedCaseNo, receipt: 'printed', sms: 'skipped' });
  expect(byName.get('林先生')?.outcome).toBeNull();
  const caseId = byName.get('王小明')?.outcome?.caseId ?? '';
  const { notifications } = caseNotificationsSchema.parse(await serverGet(server.url, token, `/v1/supervisor/cases/${caseId}/notifications`));
  expect(notifications.filter((notification) => notification.kind === 'received')).toHaveLength(1);

  // The supervisor's list shows the outcomes.
  await supervisor.getByRole('button', { name: '重新整理清單' }).click();
  const plannerList = supervisor.getByRole('table', { name: `${today} 的訪視` });
  await expect(plannerList.getByRole('row').filter({ hasText: '王小明' })).toContainText(smsCaseNo);
  await expect(plannerList.getByRole('row').filter({ hasText: '陳阿嬤' })).toContainText('無人在家');
  await supervisorContext.close();
});
