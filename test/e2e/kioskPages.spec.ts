import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import { demoKiosk } from '../../server/src/db/seedDemo';
import { CentralServer, freePort } from './support/centralServer';
import { expect, test } from './support/fixtures';
import { decodeQrFromPdf, pdfPageSizeMm } from './support/qr';
import { callNext, displaySnapshot, enrolmentCode, unusedCodeStations } from './support/queueApi';

/**
 * The front office's public pages on the real server, from the real build: the kiosk enrols, issues
 * and prints; the ticket's QR code opens the phone page; the hall display shows a counter's call; and
 * the kiosk prints from its own series while the server is down, then hands the ticket over once.
 */

async function expectAxeClean(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${what}`).toEqual([]);
}

/** Headless Chromium never closes the print dialog; the kiosk's prints are recorded instead (page.pdf renders the paper). */
async function recordPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const printed: string[] = [];
    Object.assign(window, { printedTickets: printed });
    window.print = () => void printed.push(document.querySelector('.printed-ticket')?.textContent ?? '');
  });
}

const printedTickets = (page: Page) => page.evaluate(() => (window as unknown as { printedTickets: string[] }).printedTickets);

async function decodeQrOnScreen(page: Page): Promise<string | undefined> {
  const png = PNG.sync.read(await page.locator('.printed-ticket-qr').screenshot());
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}

async function takeTicket(page: Page, group: RegExp): Promise<string> {
  const before = (await printedTickets(page)).length;
  await page.getByRole('button', { name: group }).click();
  await expect(page.locator('.printed-ticket')).toBeVisible();
  await expect.poll(async () => (await printedTickets(page)).length).toBe(before + 1);
  return (await page.locator('.printed-ticket-number').textContent()) ?? '';
}

test('a kiosk enrolled with a kiosk code prints a ticket whose QR opens the phone page; the hall shows the call within a second', async ({ page, browser, server }, testInfo) => {
  await recordPrints(page);
  await page.setViewportSize({ width: 1280, height: 1024 });
  await page.goto(`${server.url}/kiosk`);
  await expect(page.getByRole('heading', { name: '設定叫號機' })).toBeVisible();
  await expectAxeClean(page, 'the kiosk enrolment');

  // A counter computer's code is refused, next to the field; what was typed stays and the code stays unused.
  await page.getByLabel('註冊碼').fill(await enrolmentCode(server.url, 'KL05', 'workstation'));
  await page.getByLabel('叫號機名稱').fill('一樓入口');
  await page.getByRole('button', { name: '註冊' }).click();
  await expect(page.locator('#kiosk-code-error')).toContainText('這是櫃台電腦的註冊碼');
  await expect(page.getByLabel('叫號機名稱')).toHaveValue('一樓入口');
  expect(await unusedCodeStations(server.url)).toContain('KL05');
  await expectAxeClean(page, 'the kiosk enrolment with an error');

  await page.getByLabel('註冊碼').fill(await enrolmentCode(server.url, 'KS02', 'kiosk'));
  await page.getByRole('button', { name: '註冊' }).click();
  await expect(page.getByRole('heading', { name: '請選擇服務項目' })).toBeVisible();
  await expect(page.getByRole('button', { name: /地價稅・房屋稅/ })).toContainText('目前等候 0 人');
  await expectAxeClean(page, 'the kiosk');
  // English for one citizen, Chinese again for the next.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your service' })).toBeVisible();
  await expectAxeClean(page, 'the kiosk in English');

  expect(await takeTicket(page, /Land value tax and house tax/)).toBe('A001');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: '請選擇服務項目' })).toBeVisible();
  await page.getByRole('button', { name: '65歲以上長者' }).click();
  expect(await takeTicket(page, /地價稅・房屋稅/)).toBe('A002');
  expect((await printedTickets(page))[1]).toContain('A002');
  await expect(page.locator('.printed-ticket')).toContainText('65歲以上長者');
  await expectAxeClean(page, 'the printed ticket');

  // The paper: 80 mm wide, one page, its QR code the phone page's address; the same code on screen.
  const pdfPath = join(testInfo.outputDir, 'ticket.pdf');
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  expect(Math.round(pdfPageSizeMm(pdfPath).width)).toBe(80);
  const followUrl = decodeQrFromPdf(pdfPath) ?? '';
  expect(followUrl).toMatch(new RegExp(`^${server.url}/t/[0-9a-f-]{36}\\?v=[A-Za-z0-9_-]{16,64}$`));
  expect(await decodeQrOnScreen(page)).toBe(followUrl);

  // The citizen's phone: the number and how many are ahead (the priority ticket A002 goes first).
  const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-TW' });
  const phonePage = await phone.newPage();
  await phonePage.goto(followUrl);
  await expect(phonePage.locator('.phone-number')).toHaveText('A002');
  await expect(phonePage.getByText('下一位就是您，請準備')).toBeVisible();
  await expect(phonePage.locator('dd').first()).toHaveText('0 人');
  expect(await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAxeClean(phonePage, 'the phone page at 375 px');

  // The hall: a call made at the demo counter shows within a second, announced.
  const hall = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-TW' });
  const display = await hall.newPage();
  await display.goto(`${server.url}/display`);
  await expect(display.getByText('今日尚未叫號')).toBeVisible();
  await expectAxeClean(display, 'the hall display');
  const shown = display.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector('.hall-newest-number')?.textContent === 'A002') resolve(Date.now());
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
  );
  const calledAt = Date.now();
  expect((await callNext(server.url))?.number).toBe('A002');
  expect((await shown) - calledAt).toBeLessThan(1_000);
  await expect(display.locator('[aria-live="assertive"]')).toContainText('請 A002 號到 KL01');
  await expect(display.locator('.hall-serving')).toContainText('A002');
  await expect(display.locator('.hall-waiting li').filter({ hasText: '地價稅・房屋稅' })).toContainText('1 人');
  // The lane's cars queue outside: their group shows only while some wait.
  await expect(display.locator('.hall-waiting li')).toHaveCount(4);
  await expectAxeClean(display, 'the hall display with a call');

  // The phone, shown again, tells the citizen where to go.
  await phonePage.reload();
  await expect(phonePage.getByText('輪到您了，請到 KL01')).toBeVisible();
  await expectAxeClean(phonePage, 'the phone page when called');
  await phone.close();
  await hall.close();
});

test('with the server down the kiosk starts from its service worker, prints from its own series, and hands the ticket over once', async ({ page }) => {
  // Its own server, stopped and started again on the same address and data.
  const dataDir = mkdtempSync(join(tmpdir(), 'counterdesk-e2e-kiosk-'));
  const server = new CentralServer(await freePort(), dataDir);
  await server.start();
  try {
    await recordPrints(page);
    // The demo kiosk's credential, as enrolment leaves it (enrolment itself is the test above).
    await page.addInitScript((credential) => localStorage.setItem('counterdesk.kiosk.credential', JSON.stringify(credential)), {
      deviceId: demoKiosk.id,
      deviceSecret: demoKiosk.secret,
      name: demoKiosk.name,
      kioskNo: demoKiosk.kioskNo,
    });
    await page.goto(`${server.url}/kiosk`);
    await expect(page.getByRole('button', { name: /使用牌照稅/ })).toContainText('目前等候 0 人');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await server.stop();
    await page.reload();
    await expect(page.getByRole('heading', { name: '請選擇服務項目' })).toBeVisible();
    expect(await takeTicket(page, /使用牌照稅/)).toBe('C1-001');
    await expect(page.locator('.printed-ticket')).toContainText('本號碼於網路中斷時發出');
    await expect(page.getByText(/離線中：號碼由本機發出.*1 張待送出/)).toBeVisible();
    const pending = await page.evaluate(() => JSON.parse(localStorage.getItem('counterdesk.kiosk.pendingTickets') ?? '[]') as { ticketId: string; verifier: string }[]);
    expect(pending).toHaveLength(1);

    await server.start();
    await expect(page.getByText(/離線中/)).toHaveCount(0, { timeout: 30_000 });
    expect(await page.evaluate(() => localStorage.getItem('counterdesk.kiosk.pendingTickets'))).toBe('[]');
    const ticket = pending[0] ?? { ticketId: '', verifier: '' };
    const held = await fetch(`${server.url}/v1/public/tickets/${ticket.ticketId}?v=${ticket.verifier}`);
    expect(await held.json()).toMatchObject({ number: 'C1-001', group: 'C', status: 'waiting' });
    expect((await displaySnapshot(server.url)).waiting.find((w) => w.group === 'C')?.count).toBe(1);
    // The next ticket is the server's again.
    await page.getByRole('button', { name: '完成' }).click();
    expect(await takeTicket(page, /使用牌照稅/)).toBe('C001');
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
