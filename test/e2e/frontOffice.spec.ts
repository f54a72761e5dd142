import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from '@playwright/test';
import { demoKiosk } from '../../server/src/db/seedDemo';
import { serveRenderer } from '../../scripts/rendererServer';
import { CentralServer, freePort } from './support/centralServer';
import { demoDeviceSecret, expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';
import { displaySnapshot } from './support/queueApi';
import { serverCopy } from './support/serverCopy';
import { signInOn } from './support/signInOn';

/**
 * A day at the front office, every party in a browser of its own against one real server: the kiosk
 * at the entrance, the clerk's counter (with the customer display), the hall's TV and a citizen's phone.
 * Two tickets are drawn, then a senior's priority ticket; its QR code opens the phone page; the clerk's
 * F2 calls the senior first and the hall shows it; the case keeps the ticket and its wait; the citizen's
 * low rating reaches the supervisor's alerts. The server is then restarted mid-day: the waiting tickets
 * are all still there and the next number continues the series.
 */

const root = resolve(import.meta.dirname, '../..');

/** Headless Chromium never closes the print dialog: the kiosk's prints are counted instead. */
async function kioskPage(browser: Browser, serverUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1024 }, locale: 'zh-TW', timezoneId: 'Asia/Taipei' });
  const page = await context.newPage();
  await page.addInitScript((credential) => {
    localStorage.setItem('counterdesk.kiosk.credential', JSON.stringify(credential));
    const printed: string[] = [];
    Object.assign(window, { printedTickets: printed });
    window.print = () => void printed.push(document.querySelector('.printed-ticket-number')?.textContent ?? '');
  }, { deviceId: demoKiosk.id, deviceSecret: demoKiosk.secret, name: demoKiosk.name, kioskNo: demoKiosk.kioskNo });
  await page.goto(`${serverUrl}/kiosk`);
  await expect(page.getByRole('heading', { name: '請選擇服務項目' })).toBeVisible();
  return page;
}

/** Taps the general services' group (optionally after a priority reason) and returns the printed number. */
async function draw(kiosk: Page, priority?: string): Promise<string> {
  if (priority) await kiosk.getByRole('button', { name: priority }).click();
  await kiosk.getByRole('button', { name: /娛樂稅・印花稅・綜合服務/ }).click();
  await expect(kiosk.locator('.printed-ticket')).toBeVisible();
  const number = (await kiosk.locator('.printed-ticket-number').textContent()) ?? '';
  await expect.poll(() => kiosk.evaluate(() => (window as unknown as { printedTickets: string[] }).printedTickets.at(-1))).toBe(number);
  return number;
}

async function nextCitizen(kiosk: Page): Promise<void> {
  // A kiosk left alone returns to its start by itself; on a busy machine it may already have.
  await kiosk
    .getByRole('button', { name: '完成' })
    .click({ timeout: 5_000 })
    .catch(() => undefined);
  await expect(kiosk.getByRole('heading', { name: '請選擇服務項目' })).toBeVisible();
}

async function qrOnTicket(kiosk: Page): Promise<string> {
  const png = PNG.sync.read(await kiosk.locator('.printed-ticket-qr').screenshot());
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? '';
}

/** Resolves when the hall's newest call shows `number`, with the time it did. */
function hallShows(hall: Page, number: string): Promise<number> {
  return hall.evaluate(
    (wanted) =>
      new Promise<number>((done) => {
        const seen = () => document.querySelector('.hall-newest-number')?.textContent === wanted;
        if (seen()) done(Date.now());
        new MutationObserver(() => seen() && done(Date.now())).observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    number,
  );
}

test('a day at the front office: priority first on every screen, the case keeps its wait, a low rating alerts the supervisor, a restart loses no ticket', async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'counterdesk-e2e-front-office-'));
  const server = new CentralServer(await freePort(), dataDir);
  await server.start();
  const renderer = await serveRenderer({ dir: join(root, 'out/renderer'), hostConfig: { serverUrl: server.url, deviceId: 'demo-counter-01', deviceSecret: demoDeviceSecret } });
  try {
    const kiosk = await kioskPage(browser, server.url);
    const first = await draw(kiosk);
    await nextCitizen(kiosk);
    const second = await draw(kiosk);
    await nextCitizen(kiosk);
    const senior = await draw(kiosk, '65歲以上長者');
    expect([first, second, senior]).toEqual(['D001', 'D002', 'D003']);

    // The senior's phone follows the ticket from its QR code: next in line, though drawn last.
    const followUrl = await qrOnTicket(kiosk);
    expect(followUrl).toMatch(new RegExp(`^${server.url}/t/[0-9a-f-]{36}\\?v=`));
    const phone = await (await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, locale: 'zh-TW' })).newPage();
    await phone.goto(followUrl);
    await expect(phone.locator('.phone-number')).toHaveText('D003');
    await expect(phone.getByText('下一位就是您，請準備')).toBeVisible();

    const hall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-TW' })).newPage();
    await hall.goto(`${server.url}/display`);
    await expect(hall.getByText('今日尚未叫號')).toBeVisible();

    // The counter: F2 calls the senior before the two drawn earlier; the hall shows it within a second.
    const counterContext = await browser.newContext({ locale: 'zh-TW', timezoneId: 'Asia/Taipei', viewport: { width: 1280, height: 860 } });
    const page = await counterContext.newPage();
    await CounterPage.stubPrintDialog(page);
    const counter = new CounterPage(page);
    await counter.signIn(renderer.url);
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('Alt+K');
    const customer = await popup;
    await customer.waitForLoadState();
    const shown = hallShows(hall, 'D003');
    const calledAt = Date.now();
    await page.keyboard.press('F2');
    await expect(page.getByTestId('queue-serving')).toHaveAttribute('data-number', 'D003');
    expect((await shown) - calledAt).toBeLessThan(2_000);
    await expect(hall.locator('[aria-live="assertive"]')).toContainText('請 D003 號到 KL01');
    await phone.reload();
    await expect(phone.getByText('輪到您了，請到 KL01')).toBeVisible();

    // The case, done on the spot, keeps the ticket; the citizen rates the visit 1 with a comment.
    await counter.fillOpenForm({ service: '稅籍證明', serviceId: 'GEN-CERT', kind: 1, id: 'A123456789', name: '王小明', phone: '0912345678', documents: 'all-provided' });
    await page.keyboard.press('Alt+F');
    await expect(page.getByTestId('done-on-spot')).toBeVisible();
    const caseNo = /已儲存案件 (\S+)/.exec((await page.locator('#saved-title').textContent()) ?? '')?.[1] ?? '';
    await page.keyboard.press('Alt+P');
    await customer.getByLabel('1 分').check();
    await customer.getByLabel('意見（選填）').fill('等候時間太長');
    await customer.getByRole('button', { name: '送出評分' }).click();
    await expect(customer.getByText('感謝您的回饋！')).toBeVisible();
    await page.getByRole('button', { name: '立即同步' }).click();
    await expect.poll(async () => (await serverCopy(server.url, caseNo))?.ticket?.number, { timeout: 30_000 }).toBe('D003');
    const ticket = (await serverCopy(server.url, caseNo))?.ticket;
    const waited = Date.parse(ticket?.calledAt ?? '') - Date.parse(ticket?.issuedAt ?? '');
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThan(10 * 60_000);

    const supervisor = await signInOn(browser, renderer.url, 'supervisor', 'supervisor-demo-2026');
    const tab = supervisor.getByRole('button', { name: /滿意度與陳情/ });
    await expect(tab).toContainText('件低評分待確認');
    await tab.click();
    const row = supervisor.getByRole('table', { name: '今日低評分' }).getByRole('row', { name: new RegExp(caseNo) });
    await expect(async () => {
      await supervisor.getByRole('button', { name: '重新整理' }).click();
      await expect(row).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 3_000] });
    await expect(row).toContainText('等候時間太長');

    // Mid-day restart: both waiting tickets survive, the series goes on, and the clerk calls the older one next.
    await server.stop();
    await server.start();
    await nextCitizen(kiosk);
    expect(await draw(kiosk)).toBe('D004');
    expect((await displaySnapshot(server.url)).waiting.find((w) => w.group === 'D')?.count).toBe(3);
    const again = hallShows(hall, 'D001');
    await page.keyboard.press('F2');
    await expect(page.getByTestId('queue-serving')).toHaveAttribute('data-number', 'D001', { timeout: 30_000 });
    await again;
  } finally {
    await renderer.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
