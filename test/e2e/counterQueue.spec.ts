import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../shared/schemas/device';
import { counterPlanSchema, displaySnapshotSchema, issuedTicketSchema, publicTicketSchema } from '../../shared/schemas/ticketQueue';
import { demoKiosk } from '../../server/src/db/seedDemo';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';
import { serverCopy } from './support/serverCopy';
import { signInOn } from './support/signInOn';

/**
 * The counter's side of the front-office queue in the real renderer against a real server: tickets
 * drawn at the kiosk, the clerk calling them (the priority one first) with the panel's keys, the
 * called ticket opening an intake of its group's services whose case keeps the ticket on the server,
 * no-show and recall, the supervisor setting the counters of the day, and the panel when the queue is away.
 */

interface Drawn {
  id: string;
  verifier: string;
  number: string;
}

/** A ticket drawn at the demo kiosk, as the kiosk page does it (POST /v1/kiosk/tickets with its device credential). */
async function draw(serverUrl: string, priority?: 'senior'): Promise<Drawn> {
  const request = { ticketId: randomUUID(), verifier: randomBytes(18).toString('base64url'), group: 'A', ...(priority ? { priority } : {}) };
  const response = await fetch(`${serverUrl}/v1/kiosk/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [DEVICE_ID_HEADER]: demoKiosk.id, [DEVICE_SECRET_HEADER]: demoKiosk.secret },
    body: JSON.stringify(request),
  });
  expect(response.status).toBe(200);
  const { ticket } = issuedTicketSchema.parse(await response.json());
  return { id: ticket.id, verifier: request.verifier, number: ticket.number };
}

/** The ticket as the citizen's phone page reads it. */
async function publicTicket(serverUrl: string, drawn: Drawn) {
  const response = await fetch(`${serverUrl}/v1/public/tickets/${drawn.id}?v=${drawn.verifier}`);
  return publicTicketSchema.parse(await response.json());
}

const serving = (page: Page) => page.getByTestId('queue-serving');

test('the clerk calls the priority ticket first, its case keeps it; no-show, recall and transfer; the supervisor plans the counters', async ({ page, appUrl, server, browser }) => {
  const first = await draw(server.url);
  const second = await draw(server.url);
  const priority = await draw(server.url, 'senior');
  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);
  await counter.signIn(appUrl);

  // The panel, above the intake: the counter (its station code before any plan) and who waits, priority counted.
  const panel = page.getByRole('region', { name: 'KL01' });
  await expect(panel.locator('[data-group="A"]')).toHaveAttribute('data-count', '3');
  await expect(panel.locator('[data-group="A"]')).toContainText('（優先 1）');
  await expect(serving(page)).toHaveText('目前未服務任何號碼');

  // F2 calls the priority ticket first; a new intake opens with it, its cursor in the service field.
  await page.keyboard.press('F2');
  await expect(serving(page)).toHaveAttribute('data-number', priority.number);
  await expect(serving(page)).toContainText('優先：長者');
  await expect(page.getByRole('heading', { name: `新增案件 · 號碼 ${priority.number}` })).toBeVisible();
  await expect(page.getByLabel('申請項目')).toBeFocused();
  await expectNoAxeViolations(page, 'the counter serving a ticket');

  // Only group A's services (地價稅・房屋稅) are offered: 「自用住宅」 finds the land value tax's, not the increment tax's.
  await page.keyboard.type('稅');
  const offered = await page.getByRole('listbox', { name: /符合/ }).getByRole('option').locator('.mono').allTextContents();
  expect(offered.length).toBeGreaterThan(0);
  expect(offered.every((id) => /^(LVT|HT)-/.test(id)), offered.join(', ')).toBe(true);
  await page.getByLabel('申請項目').fill('');
  await counter.fillOpenForm({ service: '自用住宅', serviceId: 'LVT-SELF-USE', kind: 1, id: 'A123456789', name: '王小明', documents: 'all-provided' });
  const caseNo = await counter.save();
  await expect(serving(page)).toContainText(`已收案 ${caseNo}`);

  // The server has the case with its ticket, and the ticket is done with the case.
  await expect.poll(async () => (await serverCopy(server.url, caseNo))?.ticket?.number, { timeout: 30_000 }).toBe(priority.number);
  await expect.poll(async () => (await publicTicket(server.url, priority)).status, { timeout: 30_000 }).toBe('done');

  // The next ticket: not come (F4). The one after: called again (F3), on the hall display as a recall.
  await page.keyboard.press('F2');
  await expect(serving(page)).toHaveAttribute('data-number', first.number);
  await expect(page.getByRole('heading', { name: `新增案件 · 號碼 ${first.number}` })).toBeVisible();
  await page.keyboard.press('F4');
  await expect(page.getByTestId('queue-note')).toHaveText(`${first.number} 未到，已過號`);
  expect((await publicTicket(server.url, first)).status).toBe('no-show');
  await expect(page.getByRole('heading', { name: '新增案件', exact: true })).toBeVisible();
  await page.keyboard.press('F2');
  await expect(serving(page)).toHaveAttribute('data-number', second.number);
  await expect(page.getByRole('button', { name: /重新呼叫/ })).toBeEnabled();
  await page.keyboard.press('F3');
  await expect(page.getByTestId('queue-note')).toHaveText(`已重新呼叫 ${second.number}`);
  const display = displaySnapshotSchema.parse(await (await fetch(`${server.url}/v1/queue/display`)).json());
  expect(display.lastCalls[0]).toMatchObject({ number: second.number, recall: true, counter: 'KL01' });
  await expect(panel.locator('[data-group="A"]')).toHaveAttribute('data-count', '0');

  // F7 transfers it: a counter that does not exist is refused beside its field; to group B it waits there.
  await page.keyboard.press('F7');
  const transfer = page.getByRole('dialog', { name: `轉號 ${second.number}` });
  await transfer.getByLabel('指定櫃台').check();
  await transfer.getByLabel('櫃台代碼').fill('zz99');
  await transfer.getByRole('button', { name: '確認轉號' }).click();
  await expect(transfer.getByText('沒有這個櫃台（或就是本櫃台）：請確認櫃台代碼')).toBeVisible();
  await expect(transfer.getByLabel('櫃台代碼')).toHaveValue('ZZ99');
  await transfer.getByLabel('其他號碼群組').check();
  await transfer.getByLabel('號碼群組', { exact: true }).selectOption('B');
  await transfer.getByRole('button', { name: '確認轉號' }).click();
  await expect(page.getByTestId('queue-note')).toHaveText(`${second.number} 已轉出`);
  await expect(panel.locator('[data-group="B"]')).toHaveAttribute('data-count', '1');
  await expect(serving(page)).toHaveText('目前未服務任何號碼');

  // The case shows its ticket, the wait and the service time in words.
  await counter.openCase(caseNo);
  await expect(page.getByTestId('detail-ticket')).toHaveAttribute('data-number', priority.number);
  await expect(page.getByTestId('detail-ticket')).toContainText(/等候 (不到 1 分鐘|\d+ 分鐘).*服務 (不到 1 分鐘|\d+ 分鐘)/);

  // The supervisor, from their own bar (Alt+U), names the counter and gives it group A only for today.
  const supervisor = await signInOn(browser, appUrl, 'supervisor', 'supervisor-demo-2026');
  await supervisor.keyboard.press('Alt+U');
  await expect(supervisor.getByRole('heading', { name: '櫃台叫號設定' })).toBeVisible();
  const row = supervisor.getByTestId('counter-plan-row').and(supervisor.locator('[data-station="KL01"]'));
  await row.getByLabel('櫃台名稱').fill('');
  await supervisor.keyboard.press('Alt+S');
  await expect(row.getByText('請輸入櫃台名稱')).toBeVisible();
  await expect(row.getByLabel('櫃台名稱')).toBeFocused();
  await supervisor.keyboard.type('1號櫃台');
  for (const group of ['B', 'C', 'D']) await row.getByRole('checkbox', { name: new RegExp(`^${group} `) }).uncheck();
  await expectNoAxeViolations(supervisor, 'the counters of the day');
  await supervisor.keyboard.press('Alt+S');
  await expect(supervisor.getByTestId('counter-plan-status')).toContainText('已儲存');
  await supervisor.context().close();

  // The counter's panel follows: its new label and group A only.
  await page.keyboard.press('Alt+N');
  const planned = page.getByRole('region', { name: '1號櫃台' });
  await expect(planned).toBeVisible({ timeout: 15_000 });
  await expect(planned.locator('[data-group]')).toHaveCount(1);
  const signIn = await fetch(`${server.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [DEVICE_ID_HEADER]: 'demo-counter-01', [DEVICE_SECRET_HEADER]: 'demo-counter-01-public-demo-secret-not-for-production' },
    body: JSON.stringify({ username: 'supervisor', password: 'supervisor-demo-2026', deviceId: 'demo-counter-01' }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const plan = counterPlanSchema.parse(
    await (await fetch(`${server.url}/v1/queue/counters`, { headers: { authorization: `Bearer ${token}`, [DEVICE_ID_HEADER]: 'demo-counter-01', [DEVICE_SECRET_HEADER]: 'demo-counter-01-public-demo-secret-not-for-production' } })).json(),
  );
  expect(plan.counters.find((c) => c.stationCode === 'KL01')).toEqual({ stationCode: 'KL01', label: '1號櫃台', groups: ['A'] });
});

test('免抽號 opens an intake at once; with the queue away the panel says so and the intake goes on without a ticket', async ({ page, appUrl, server }) => {
  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);
  await counter.signIn(appUrl);
  await expect(page.getByRole('region', { name: 'KL01' })).toBeVisible();

  // 免抽號 (F8): why, and in which group; the ticket is called here at once and its intake opens.
  await page.keyboard.press('F8');
  const dialog = page.getByRole('dialog', { name: '免抽號優先服務' });
  await expect(dialog.getByLabel('優先：長者')).toBeFocused();
  await dialog.getByLabel('優先：孕婦').check();
  await expectNoAxeViolations(page, 'the 免抽號 dialog');
  await dialog.getByRole('button', { name: '發號並立即服務' }).click();
  await expect(serving(page)).toContainText('優先：孕婦');
  const number = (await serving(page).getAttribute('data-number')) ?? '';
  expect(number).toMatch(/^A\d{3}$/);
  await expect(page.getByRole('heading', { name: `新增案件 · 號碼 ${number}` })).toBeVisible();

  // Something typed and not saved: the first press of "finish" warns, the second lets it go.
  await page.keyboard.type('自用住宅');
  await page.keyboard.press('Enter');
  await page.keyboard.press('F6');
  await expect(page.getByTestId('queue-note')).toHaveText(`${number} 的案件尚未儲存：請先儲存（Alt+S），或再按一次 F6 放棄`);
  await expect(serving(page)).toHaveAttribute('data-number', number);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('queue-note')).toHaveText(`${number} 已完成`);
  await expect(page.getByRole('heading', { name: '新增案件', exact: true })).toBeVisible();

  // The queue away: said in both languages; the case is still taken in, without a ticket.
  await server.stop();
  const away = page.getByRole('alert').filter({ hasText: '排隊叫號系統無法連線' });
  await expect(away).toContainText('排隊叫號系統無法連線：仍可照常受理，本案不記錄號碼');
  await expect(away).toContainText('The queue system cannot be reached: cases are taken in as usual, without a ticket number');
  await expectNoAxeViolations(page, 'the counter with the queue away');
  await counter.fill({ service: 'GEN-CERT', serviceId: 'GEN-CERT', kind: 1, id: 'A123456789', name: '王小明', documents: 'all-provided' });
  const caseNo = await counter.save();
  await counter.openCase(caseNo);
  await expect(page.getByTestId('detail-ticket')).toHaveCount(0);
});
