import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';
import { serverCopy } from './support/serverCopy';
import { signInOn } from './support/signInOn';

/**
 * The citizen's rating reaches the bureau (docs/decisions/0037-ratings-reach-the-bureau.md): a clerk
 * closes a same-day case on the spot, the citizen rates it 1 with a comment on the customer display,
 * the rating syncs, and the supervisor finds it among today's low ratings and opens a complaint (陳情)
 * from it, then closes it. The citizen's progress page of the closed case offers the survey, whose
 * form keeps what was entered when the score is missing and takes one answer.
 */
test('a low rating on the customer display reaches the supervisor, who opens a complaint from it; the closed case’s survey takes one answer', async ({ page, appUrl, server, browser }) => {
  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);
  await counter.signIn(appUrl);
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('Alt+K');
  const display = await popup;
  await display.waitForLoadState();

  await counter.fill({ service: '稅籍證明', serviceId: 'GEN-CERT', kind: 1, id: 'A123456789', name: '王小明', phone: '0912345678', documents: 'all-provided' });
  await page.keyboard.press('Alt+F');
  await expect(page.getByTestId('done-on-spot')).toBeVisible();
  const caseNo = /已儲存案件 (\S+)/.exec((await page.locator('#saved-title').textContent()) ?? '')?.[1] ?? '';
  expect(caseNo).toMatch(/^\d{3}-KL01-\d{6}-[0-9A-Z]$/);
  await page.keyboard.press('Alt+P');
  await display.getByLabel('1 分').check();
  await display.getByLabel('意見（選填）').fill('等了很久，櫃台說明不清楚');
  await display.getByRole('button', { name: '送出評分' }).click();
  await expect(display.getByText('感謝您的回饋！')).toBeVisible();
  await expect(page.getByText('民眾評分：1 分')).toBeVisible();
  await page.getByRole('button', { name: '立即同步' }).click();

  // The supervisor, on a computer of their own: the tab says how many wait, the list shows the rating.
  const supervisor = await signInOn(browser, appUrl, 'supervisor', 'supervisor-demo-2026');
  const tab = supervisor.getByRole('button', { name: /滿意度與陳情/ });
  await expect(tab).toContainText('件低評分待確認');
  await tab.click();
  const lowRatings = supervisor.getByRole('table', { name: '今日低評分' });
  const row = lowRatings.getByRole('row', { name: new RegExp(caseNo) });
  await expect(async () => {
    await supervisor.getByRole('button', { name: '重新整理' }).click();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 3_000] });
  for (const cell of ['1 分', '等了很久，櫃台說明不清楚', '房屋稅籍證明', 'KL01', 'clerk', '臨櫃評分']) await expect(row).toContainText(cell);
  await expectNoAxeViolations(supervisor, 'the supervisor’s ratings and complaints');

  await row.getByRole('button', { name: '開立陳情' }).click();
  const form = supervisor.getByRole('form', { name: `開立陳情：${caseNo}` });
  await expect(form.getByRole('heading')).toBeFocused();
  const summary = form.getByLabel('陳情摘要');
  await expect(summary).toHaveValue('等了很久，櫃台說明不清楚');
  await summary.fill('');
  await form.getByRole('button', { name: '開立' }).click();
  await expect(form.getByText('請填寫陳情摘要。')).toBeVisible();
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(supervisor, 'the complaint form with its error');
  await summary.fill('民眾反映等候過久、說明不清，請服務科了解並回覆。');
  await form.getByRole('button', { name: '開立' }).click();
  await expect(supervisor.getByText(`已就 ${caseNo} 開立陳情。`)).toBeVisible();
  await expect(row).toContainText('已開立陳情');
  await expect(row).toContainText('已確認');

  const complaint = supervisor.getByRole('table', { name: '陳情案件' }).getByRole('row', { name: new RegExp(caseNo) });
  await expect(complaint).toContainText('民眾反映等候過久、說明不清，請服務科了解並回覆。');
  await expect(complaint).toContainText('處理中');
  await complaint.getByRole('button', { name: '結案' }).click();
  const closing = supervisor.getByRole('form', { name: `結案：${caseNo} 的陳情` });
  await closing.getByLabel('處理結果').fill('已致電民眾說明並致歉。');
  await closing.getByRole('button', { name: '結案' }).click();
  await expect(complaint).toContainText('已結案');
  await expect(complaint).toContainText('已致電民眾說明並致歉。');

  // The citizen's progress page of the closed case offers the survey.
  const verifier = (await serverCopy(server.url, caseNo))?.verifier ?? '';
  // A phone: its own browser, a phone-sized screen.
  const citizen = await (await browser.newContext({ locale: 'zh-TW', viewport: { width: 390, height: 844 } })).newPage();
  await citizen.goto(`${server.url}/q/${caseNo}?v=${verifier}`);
  await citizen.getByRole('link', { name: /填寫問卷/ }).click();
  await expect(citizen.getByRole('heading', { name: /服務滿意度調查/ })).toBeVisible();
  await expectNoAxeViolations(citizen, 'the survey');
  await citizen.getByRole('group', { name: /辦理速度/ }).getByRole('radio', { name: /^4 滿意/ }).check();
  await citizen.getByLabel(/意見/).fill('人員很親切');
  await citizen.getByRole('button', { name: /送出/ }).click();
  await expect(citizen.locator('#score-error')).toContainText('請選擇整體滿意度');
  await expect(citizen.getByLabel(/意見/)).toHaveValue('人員很親切');
  await expectNoAxeViolations(citizen, 'the survey with its error');
  await citizen.getByRole('group', { name: /整體滿意度/ }).getByRole('radio', { name: /^2 不滿意/ }).check();
  await citizen.getByRole('button', { name: /送出/ }).click();
  await expect(citizen.getByText('感謝您撥冗填寫')).toBeVisible();
  await citizen.goto(`${server.url}/q/${caseNo}/survey?v=${verifier}`);
  await expect(citizen.getByText('本案件已填寫過問卷')).toBeVisible();
  await expect(citizen.getByRole('button', { name: /送出/ })).toHaveCount(0);
});
