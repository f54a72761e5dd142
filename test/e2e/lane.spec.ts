import AxeBuilder from '@axe-core/playwright';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';
import { serverCopy } from './support/serverCopy';

/**
 * The drive-through lane in the real renderer bundle against a real central server: cars arrive and
 * queue on the server by plate (with live minutes), one is served from the ID scan to the printed
 * receipt on one screen and its case keeps its ticket, the queue and the car in service survive
 * reloads, a car leaves with a reason, and with the server away the lane runs on the computer's own list.
 */

const pagePng = resolve(import.meta.dirname, '../fixtures/documents/page.png');

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude('#print-area').analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe on ${what}`).toEqual([]);
}

class LanePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+W');
    await expect(this.page.getByRole('heading', { name: '免下車服務' })).toBeVisible();
  }

  /** Reloads the window; where the device keeps its data locked at rest, the clerk's password opens it. */
  async reopen(): Promise<void> {
    await new CounterPage(this.page).reopen();
  }

  cars() {
    return this.page.getByTestId('lane-car');
  }

  car(label: string) {
    return this.cars().filter({ hasText: label });
  }

  flowHeading() {
    return this.page.locator('#lane-flow-title');
  }

  async sign(): Promise<void> {
    const pad = this.page.getByLabel('簽名板 Signature pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('the signature pad is not on screen');
    await this.page.mouse.move(box.x + 40, box.y + 120);
    await this.page.mouse.down();
    for (let step = 1; step <= 8; step += 1) await this.page.mouse.move(box.x + 40 + step * 30, box.y + 120 - (step % 2) * 50, { steps: 3 });
    await this.page.mouse.up();
    await this.page.getByRole('button', { name: '確認簽名 Accept signature' }).click();
    await expect(this.page.getByText('簽名涵蓋目前案件內容')).toBeVisible();
  }
}

test('a car goes from arrival to its printed receipt on one screen; the queue survives reloads', async ({ page, appUrl, server }) => {
  await CounterPage.stubPrintDialog(page);
  await page.clock.install();
  const counter = new CounterPage(page);
  const lane = new LanePage(page);
  await counter.signIn(appUrl);
  await lane.open();
  await expect(page.getByText('目前沒有等候車輛')).toBeVisible();

  // Two cars arrive, each queued on the server by its plate: one by keyboard, one by touch. The empty window takes the first.
  await page.getByLabel('車牌', { exact: true }).fill('abc-1234');
  await page.keyboard.press('Alt+A');
  await expect(lane.car('ABC-1234')).toHaveAttribute('data-state', 'in-service');
  await expect(lane.flowHeading()).toHaveText('服務中：ABC-1234');
  await page.getByLabel('車牌', { exact: true }).fill('xyz-5678');
  await page.getByRole('button', { name: /車輛到達/ }).click();
  await expect(lane.car('XYZ-5678')).toHaveAttribute('data-state', 'waiting');
  await expect(lane.car('XYZ-5678')).toHaveAttribute('data-source', 'server');
  await expect(lane.cars()).toHaveCount(2);

  // The minutes waited keep counting while the screen is open.
  await page.clock.fastForward('03:10');
  await expect(lane.car('ABC-1234').getByTestId('lane-waited')).toHaveText('已等候 3 分鐘');
  await expect(lane.car('XYZ-5678').getByTestId('lane-waited')).toHaveText('已等候 3 分鐘');
  await expectNoAxeViolations(page, 'the lane with cars waiting');

  // A reload keeps the queue and serves the same car again.
  await lane.reopen();
  await lane.open();
  await expect(lane.cars()).toHaveCount(2);
  await expect(lane.flowHeading()).toHaveText('服務中：ABC-1234');

  // The reader types the ID and Enter; the name follows; the service filter lists only drive-through services.
  const idField = page.getByLabel('申請人身分證字號／統一編號');
  await idField.focus();
  await page.keyboard.type('A123456789');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('申請人姓名')).toBeFocused();
  await page.keyboard.type('王小明');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('篩選申請項目')).toBeFocused();
  const tiles = page.locator('.lane-tiles button');
  const offered = await tiles.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-service-id')));
  expect(offered).toContain('GEN-CERT');
  expect(offered).not.toContain('HT-REGISTER');
  await page.keyboard.type('稅籍證明');
  await expect(tiles).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lane-service-chosen')).toContainText('房屋稅籍證明');

  // The checklist is pre-listed and starts as handed over; Enter on the focused button registers.
  const rows = page.locator('fieldset.lane-doc');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('fieldset.lane-doc[data-state="provided"]')).toHaveCount(3);
  await expect(page.getByRole('button', { name: /登錄案件/ })).toBeFocused();
  await expectNoAxeViolations(page, 'the lane flow before registering');
  await page.keyboard.press('Enter');
  const registered = page.getByText(/已登錄案件 \S+/);
  await expect(registered).toBeVisible();
  const caseNo = /已登錄案件 (\S+)/.exec((await registered.textContent()) ?? '')?.[1] ?? '';
  expect(caseNo).toMatch(/^\d{3}-KL01-\d{6}-[0-9A-Z]$/);
  const printButton = page.getByRole('button', { name: /列印收執聯/ });
  await expect(printButton).toBeDisabled();

  // A reload in the middle resumes the car at its documents, with the same case.
  await lane.reopen();
  await lane.open();
  await expect(page.getByText(`已登錄案件 ${caseNo}`)).toBeVisible();

  // Documents, signature, receipt.
  await page.getByLabel('選擇檔案 Choose files').setInputFiles(pagePng);
  await page.getByRole('button', { name: '保存文件 Save document' }).click();
  await expect(page.getByTestId('saved-document')).toHaveCount(1);
  await expect(page.getByText('已掃描 1 份文件')).toBeVisible();
  await lane.sign();
  await expect(printButton).toBeEnabled();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Drive-through lane' })).toBeVisible();
  await expectNoAxeViolations(page, 'the lane flow after registering, in English');
  await page.getByRole('button', { name: '中文' }).click();
  await page.keyboard.press('Alt+P');
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-case-no', caseNo);
  await expect(page.getByText(`ABC-1234 完成，已列印收執聯 ${caseNo}`)).toBeVisible();
  await expect(lane.cars()).toHaveCount(1);
  await expect(lane.car('ABC-1234')).toHaveCount(0);

  // The next car is called in the queue's order; it leaves with a reason instead.
  await page.keyboard.press('Alt+T');
  await expect(lane.flowHeading()).toHaveText('服務中：XYZ-5678');
  await lane.car('XYZ-5678').getByRole('button', { name: '移除 XYZ-5678' }).click();
  await page.getByLabel('移除原因').selectOption('sent-to-counter');
  await page.getByRole('button', { name: '確認移除' }).click();
  await expect(page.getByText('XYZ-5678 已移出等候清單：改至櫃台辦理')).toBeVisible();
  await expect(lane.cars()).toHaveCount(0);
  await lane.reopen();
  await lane.open();
  await expect(page.getByText('目前沒有等候車輛')).toBeVisible();

  // The case is a drive-through case with its document and signature, and the server has it.
  await counter.openCase(caseNo);
  await expect(page.locator('dd').filter({ hasText: /^免下車$/ })).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
  await expect(page.getByTestId('saved-document')).toHaveCount(1);
  await expect(page.getByText('簽名涵蓋目前案件內容')).toBeVisible();
  // The case keeps the car's ticket, the lane's first of the day, on the server too.
  await expect(page.getByTestId('detail-ticket')).toHaveAttribute('data-number', 'L001');
  expect((await serverCopy(server.url, caseNo))?.ticket?.number).toBe('L001');
});

test('by keyboard alone: a missing document prints the receipt and the deficiency notice', async ({ page, appUrl }) => {
  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);
  const lane = new LanePage(page);
  await counter.signIn(appUrl);
  await lane.open();
  // The queue numbers the cars by plate: a car without one is refused beside the plate field, which takes the cursor.
  await page.keyboard.press('Alt+A');
  await expect(page.locator('#lane-plate-error')).toBeVisible();
  await expect(page.getByLabel('車牌', { exact: true })).toBeFocused();
  await page.keyboard.type('KBD-0001');
  await page.keyboard.press('Alt+A');
  await expect(page.getByLabel('申請人身分證字號／統一編號')).toBeFocused();
  await page.keyboard.type('A12345678'); // one digit short: refused next to the field
  await page.keyboard.press('Enter');
  await expect(page.locator('#lane-idNumber-error')).toBeVisible();
  await expect(page.getByLabel('申請人身分證字號／統一編號')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'the lane with an id error');
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await page.keyboard.type('王小明');
  await page.keyboard.press('Enter');
  await page.keyboard.type('欠');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lane-service-chosen')).toContainText('查欠');
  // GEN-ARREARS: 身分證明, 繼承系統表（繼承案件）, then 身分證正本 and 印章 for a person.
  await page.getByLabel('免附').nth(1).check();
  await page.getByLabel('欠缺').nth(3).check();
  await page.keyboard.press('Alt+S');
  await expect(page.getByText(/已登錄案件 \S+/)).toBeVisible();
  await expect(page.getByText(/欠缺 1 件文件/)).toBeVisible();
  const caseNo = /已登錄案件 (\S+)/.exec((await page.getByText(/已登錄案件 \S+/).textContent()) ?? '')?.[1] ?? '';
  await page.keyboard.press('Alt+D');
  await expect(page.getByTestId('notice')).toHaveAttribute('data-case-no', caseNo);
  await lane.sign();
  await page.keyboard.press('Alt+P');
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-case-no', caseNo);
  await expect(lane.cars()).toHaveCount(0);

  // A returning applicant: the name comes from the earlier case, so the scan goes straight to the service.
  await page.getByLabel('車牌', { exact: true }).fill('KBD-0002');
  await page.keyboard.press('Alt+A');
  await expect(page.getByLabel('申請人身分證字號／統一編號')).toBeFocused();
  await page.keyboard.type('A123456789');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('篩選申請項目')).toBeFocused();
  await expect(page.getByLabel('申請人姓名')).toHaveValue('王小明');
  await expect(page.getByText(`姓名沿用前案 ${caseNo}`)).toBeVisible();
});

test('with the queue server away, the lane runs on this computer’s own list and says so', async ({ page, appUrl, server }) => {
  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);
  const lane = new LanePage(page);
  await counter.signIn(appUrl);
  await server.stop();
  await lane.open();
  await expect(page.getByTestId('lane-offline')).toContainText('排隊叫號系統無法連線：使用本機等候清單，車輛不取號');
  await expect(page.getByTestId('lane-offline')).toContainText("The queue system cannot be reached: this computer's own list is used");
  // Unnamed cars are numbered by this computer, as before the queue.
  await page.keyboard.press('Alt+A');
  await expect(lane.flowHeading()).toHaveText('服務中：第 1 輛車');
  await page.getByLabel('車牌（選填）').fill('abc-1234');
  await page.keyboard.press('Alt+A');
  await expect(lane.car('ABC-1234')).toHaveAttribute('data-source', 'local');
  await expect(lane.car('ABC-1234')).toHaveAttribute('data-state', 'waiting');
  await expectNoAxeViolations(page, 'the lane on its own list');
});
