import AxeBuilder from '@axe-core/playwright';
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveRenderer } from '../../scripts/rendererServer';
import { demoDeviceSecret, expect, test as base } from './support/fixtures';
import { CounterPage, type CaseEntry } from './support/pages/counterPage';
import { DocumentsPanel, documentFixture as fixture } from './support/pages/documentsPanel';

/**
 * Scanned documents and e-signatures in the real renderer bundle, on a case's detail screen: the demo
 * clerk signs in, registers a case and opens it from the case list, in Chromium with a fake camera that
 * plays a generated y4m test card.
 */

const rendererDir = process.env.COUNTERDESK_RENDERER_DIR ?? join(resolve(import.meta.dirname, '../..'), 'out/renderer');

/** HT-REGISTER for a person: 5 service documents, then 身分證正本 and 印章. */
const entry: CaseEntry = { service: 'HT-REGISTER', serviceId: 'HT-REGISTER', kind: 1, id: 'A123456789', name: '王小明', phone: '0912345678', documents: 'all-provided' };
const serviceItem = '申報書 / declaration form';
const applicantItem = '身分證正本 / national ID card (original)';
const otherItem = '其他文件 / Other document';

const test = base.extend<{ casePage: Page }>({
  casePage: async ({ page, appUrl }, use) => {
    await CounterPage.stubPrintDialog(page);
    await new CounterPage(page).openNewCase(appUrl, entry);
    await use(page);
  },
});

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${fixture('camera.y4m')}`,
    ],
  },
});

const fileInput = (page: Page) => new DocumentsPanel(page).fileInput();
const saved = (page: Page) => new DocumentsPanel(page).saved();
const pending = (page: Page) => new DocumentsPanel(page).pending();
const importAndSave = (page: Page, file: string, item: string) => new DocumentsPanel(page).importAndSave(file, item);

test('captures two pages from the camera with a retake and a reorder, and views them as one PDF', async ({ casePage: page }) => {
  await page.getByRole('button', { name: '開啟相機 Open camera' }).click();
  await expect(page.getByTestId('camera-resolution')).toHaveText('640×480');
  await page.getByRole('button', { name: '拍攝 Take photo' }).click();
  await expect(page.getByRole('img', { name: '拍攝結果 Captured page' })).toBeVisible();
  await page.getByRole('button', { name: '重拍 Retake' }).click();
  await page.getByRole('button', { name: '拍攝 Take photo' }).click();
  await page.getByRole('button', { name: '使用此頁 Use page' }).click();
  await expect(pending(page)).toHaveCount(1);

  // A second page from a file, moved in front of the camera page, then the camera page retaken in place.
  await fileInput(page).setInputFiles(fixture('page.png'));
  await expect(pending(page)).toHaveCount(2);
  await page.getByRole('button', { name: '上移 Move up 2' }).click();
  await expect(pending(page).first()).toContainText('page.png');
  await page.getByRole('button', { name: '重拍 Retake 1' }).click();
  await page.getByRole('button', { name: '重拍 Retake 2' }).click();
  await page.getByRole('button', { name: '拍攝 Take photo' }).click();
  await page.getByRole('button', { name: '使用並取代此頁 Use (replace page)' }).click();
  await expect(pending(page)).toHaveCount(2);
  await expect(pending(page).nth(1)).toContainText('相機 camera');

  await page.getByRole('button', { name: '保存文件 Save document' }).click();
  await expect(saved(page)).toHaveCount(1);
  await expect(saved(page).first()).toContainText('PDF');
  await saved(page).first().getByRole('button').click();
  await expect(page.getByTestId('viewer-page')).toContainText('第 1 / 2 頁');
  // Both pages are JPEGs inside the PDF, so both show as images.
  await expect(page.getByRole('img', { name: /第 1 頁/ })).toBeVisible();
  await page.getByRole('button', { name: '下一頁 Next' }).click();
  await expect(page.getByTestId('viewer-page')).toContainText('第 2 / 2 頁');
  await expect(page.getByRole('img', { name: /第 2 頁/ })).toBeVisible();
  await page.getByRole('button', { name: '放大 Zoom in' }).click();
  await expect(page.getByTestId('viewer-zoom')).toHaveText('150%');
});

test('imports a real JPEG, PNG, PDF and multi-page PDF, each linked to its checklist item', async ({ casePage: page }) => {
  await importAndSave(page, 'page.jpg', serviceItem);
  await importAndSave(page, 'page.png', applicantItem);
  await importAndSave(page, 'one-page.pdf', serviceItem);
  await importAndSave(page, 'three-pages.pdf', otherItem);
  await expect(saved(page)).toHaveCount(4);
  // Each is listed under the checklist item it proves: 2 + 1 + 1.
  const group = (item: string) => page.locator('.saved-documents > li').filter({ hasText: item }).getByTestId('saved-document');
  await expect(group(serviceItem)).toHaveCount(2);
  await expect(group(applicantItem)).toHaveCount(1);
  await expect(group(otherItem)).toHaveCount(1);
  await page.locator('.saved-documents > li').filter({ hasText: '其他文件' }).getByRole('button').click();
  await expect(page.getByTestId('viewer-page')).toContainText('第 1 / 3 頁');
  await expect(page.getByText('This page is a text PDF and cannot be previewed here.')).toBeVisible();
});

test('turns and crops an imported image from the keyboard before it is stored', async ({ casePage: page }) => {
  // page.png is 248×351, portrait.
  await fileInput(page).setInputFiles(fixture('page.png'));
  await expect(pending(page)).toHaveCount(1);
  const size = page.getByTestId('pending-size');
  await expect(size).toHaveText(' · 248×351');
  await expect(page.getByRole('img', { name: '第 1 頁預覽 Page 1 preview' })).toBeVisible();

  // Left, then right twice: one quarter turn clockwise, landscape.
  await page.getByRole('button', { name: '向左轉 Rotate left 1' }).click();
  await expect(size).toHaveText(' · 351×248');
  await page.getByRole('button', { name: '向右轉 Rotate right 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(size).toHaveText(' · 248×351');
  await page.getByRole('button', { name: '向右轉 Rotate right 1' }).press('Enter');
  await expect(size).toHaveText(' · 351×248');

  // Crop: the top margin stepped with the arrow keys, the sides typed, a bad value refused next to its field.
  await page.getByRole('button', { name: '裁切 Crop 1' }).press('Enter');
  const cropper = page.getByRole('form', { name: '裁切第 1 頁 Crop page 1' });
  await expect(cropper.getByRole('img', { name: '第 1 頁（轉正後）Page 1, upright' })).toBeVisible();
  const top = cropper.getByLabel('上邊界 Top margin (%)');
  await expect(top).toBeFocused();
  for (let step = 0; step < 5; step += 1) await top.press('ArrowUp');
  await expect(top).toHaveValue('5');
  await cropper.getByLabel('左邊界 Left margin (%)').fill('60');
  await cropper.getByLabel('右邊界 Right margin (%)').fill('50');
  await expect(cropper.getByText('Left and right together must be under 100')).toBeVisible();
  await expect(cropper.getByLabel('右邊界 Right margin (%)')).toHaveAttribute('aria-invalid', 'true');
  expect((await new AxeBuilder({ page }).include('.pending-pages').analyze()).violations).toEqual([]);
  await expect(cropper.getByRole('button', { name: /套用裁切 Apply crop/ })).toBeDisabled();
  await cropper.getByLabel('左邊界 Left margin (%)').fill('10');
  await cropper.getByLabel('右邊界 Right margin (%)').fill('10');
  await cropper.getByLabel('右邊界 Right margin (%)').press('Enter');
  await expect(cropper).toHaveCount(0);
  // 351 × 80 % = 281 wide, 248 × 95 % = 236 high.
  await expect(size).toHaveText(' · 281×236');

  // Escape leaves the crop as it was.
  await page.getByRole('button', { name: '裁切 Crop 1' }).click();
  await expect(page.getByLabel('左邊界 Left margin (%)')).toHaveValue('10');
  await page.getByLabel('左邊界 Left margin (%)').fill('30');
  await page.keyboard.press('Escape');
  await expect(size).toHaveText(' · 281×236');

  await page.getByRole('button', { name: '保存文件 Save document' }).click();
  await expect(saved(page)).toHaveCount(1);
  await saved(page).first().getByRole('button').click();
  const stored = page.getByRole('img', { name: /第 1 頁 page 1/ });
  await expect(stored).toBeVisible();
  // The stored JPEG, as the viewer decodes it from the store, has the turned and cropped size.
  await expect.poll(() => stored.evaluate((img: HTMLImageElement) => `${img.naturalWidth}×${img.naturalHeight}`)).toBe('281×236');
});

test('refuses each bad input with a message in both languages and keeps nothing half-added', async ({ casePage: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'counterdesk-docs-'));
  const oversized = join(dir, 'huge-scan.jpg');
  // A JPEG signature then 51 MB: refused for its size before anything parses it.
  writeFileSync(oversized, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(51 * 1024 * 1024)]));
  const cases: Array<[string, RegExp, RegExp]> = [
    [fixture('empty.pdf'), /檔案是空的/, /The file is empty/],
    [fixture('not-really.pdf'), /非副檔名/, /checked by content, not by name/],
    [fixture('corrupt.pdf'), /損毀/, /damaged or incomplete/],
    [fixture('corrupt.jpg'), /損毀/, /damaged or incomplete/],
    [fixture('encrypted.pdf'), /已加密/, /encrypted or password-protected/],
    [fixture('too-many-pages.pdf'), /101 頁，超過上限 100 頁/, /101 pages, over the 100-page limit/],
    [oversized, /超過上限 50.0 MB/, /over the 50.0 MB limit/],
  ];
  try {
    for (const [file, zh, en] of cases) {
      await fileInput(page).setInputFiles(file);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(zh);
      await expect(alert).toContainText(en);
      await expect(pending(page)).toHaveCount(0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // A good file in the same batch as a bad one still comes in; the bad one is named.
  await fileInput(page).setInputFiles([fixture('page.jpg'), fixture('encrypted.pdf')]);
  await expect(pending(page)).toHaveCount(1);
  await expect(page.locator('.document-notice')).toContainText('encrypted.pdf');
  await expect(saved(page)).toHaveCount(0);
});

test('a signature stops covering the case once the case changes', async ({ page, appUrl }) => {
  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);
  // The declaration form is missing at intake: recording it supplied later changes the case.
  await counter.openNewCase(appUrl, { ...entry, documents: ['m', 'p', 'p', 'p', 'p', 'p', 'p'] });
  const caseNo = await page.locator('.case-detail').getAttribute('data-case-no');
  await new DocumentsPanel(page).sign();
  const hash = await page.getByTestId('signature-hash').textContent();
  expect(hash).toMatch(/^SHA-256 [0-9a-f]{64}$/);

  // The binding survives a reload: it is stored with the signature, and still covers the unchanged case.
  await counter.reopen();
  await counter.openCase(caseNo ?? '');
  await expect(page.getByText('簽名涵蓋目前案件內容')).toBeVisible();
  await expect(page.getByTestId('signature-hash')).toHaveText(hash ?? '');

  await page.getByRole('group', { name: '登記補正文件' }).getByLabel(serviceItem).check();
  await page.getByRole('button', { name: '補正所選文件' }).click();
  await expect(page.locator('.signature-panel').getByRole('alert')).toContainText('the signature does not cover the change');
  await expect(page.getByText('簽名涵蓋目前案件內容')).toHaveCount(0);
  await expect(page.getByTestId('signature-hash')).toHaveText(hash ?? '');
});

/** Row counts of the stores one document save writes, read straight from IndexedDB. */
async function storeCounts(page: Page): Promise<{ documents: number; uploads: number; outbox: number; caseRow: string }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('counterdesk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const ask = <T,>(store: string, request: (s: IDBObjectStore) => IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        const r = request(db.transaction(store).objectStore(store));
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const caseRow = await ask('cases', (s) => s.getAll());
    const result = {
      documents: await ask('documents', (s) => s.count()),
      uploads: await ask('uploads', (s) => s.count()),
      outbox: await ask('outbox', (s) => s.count()),
      caseRow: JSON.stringify(caseRow),
    };
    db.close();
    return result;
  });
}

/** One small write to a scratch database of the page's origin: 'ok' or the name of the error that aborted it. */
async function scratchWrite(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('e2e-scratch', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('bytes');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const outcome = await new Promise<string>((resolve) => {
      const tx = db.transaction('bytes', 'readwrite');
      tx.objectStore('bytes').put(new Blob([crypto.getRandomValues(new Uint8Array(4096))]), Date.now());
      tx.oncomplete = () => resolve('ok');
      tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
    });
    db.close();
    return outcome;
  });
}

/**
 * A real quota refusal: Chromium's DevTools quota override (Storage.overrideQuotaForOrigin) on a
 * persistent profile makes IndexedDB itself abort the save's transaction with QuotaExceededError.
 * The override does not reach navigator.storage.estimate() (Chromium reports usage + 10 GiB to pages
 * whatever quota it enforces), so the page's estimate is brought in line with the same figure — the
 * estimate a page sees when the disk itself is that full.
 */
test('IndexedDB refusing a write for lack of quota: warned before capture, nothing half-saved, nothing entered lost', async ({ server }) => {
  const profile = mkdtempSync(join(tmpdir(), 'counterdesk-quota-'));
  const renderer = await serveRenderer({ dir: rendererDir, hostConfig: { serverUrl: server.url, deviceId: 'demo-counter-01', deviceSecret: demoDeviceSecret } });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(() => {
      const realEstimate = StorageManager.prototype.estimate;
      StorageManager.prototype.estimate = async function estimate(this: StorageManager) {
        const real = await realEstimate.call(this);
        const quota = Number(localStorage.getItem('e2e.quota'));
        return quota > 0 ? { ...real, quota } : real;
      };
    });
    await CounterPage.stubPrintDialog(page);
    await new CounterPage(page).openNewCase(renderer.url, entry);
    // Offline from here: nothing leaves the outbox, so its rows can be counted before and after.
    await context.setOffline(true);
    await importAndSave(page, 'page.jpg', serviceItem);
    await expect(saved(page)).toHaveCount(1);
    await expect(page.locator('.storage-meter [role=alert]')).toHaveCount(0);

    // The quota drops below what is already stored: the disk is full.
    const origin = new URL(renderer.url).origin;
    const cdp = await page.context().newCDPSession(page);
    const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
    const quota = Math.floor(usage / 2);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: quota });
    await page.evaluate((q) => localStorage.setItem('e2e.quota', String(q)), quota);
    // Chromium lets writes through against the space it last measured for up to about 30 s; a scratch
    // database of the same origin shows when IndexedDB starts refusing.
    await expect.poll(() => scratchWrite(page), { timeout: 60_000, intervals: [2_000] }).toBe('QuotaExceededError');
    // The clerk returns to the window: the meter looks again and warns before anything is captured.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(page.locator('.storage-meter').getByRole('alert')).toContainText('Local storage is low (0 B left)');
    await expect(page.locator('.storage-meter').getByRole('alert')).toContainText('本機儲存空間不足（剩餘 0 B）');

    // The clerk captures anyway, and turns the page: the save is refused by IndexedDB itself.
    const before = await storeCounts(page);
    await fileInput(page).setInputFiles(fixture('page.png'));
    await expect(pending(page)).toHaveCount(1);
    await page.getByRole('button', { name: '向右轉 Rotate right 1' }).click();
    await expect(page.getByTestId('pending-size')).toHaveText(' · 351×248');
    await page.getByLabel('證明項目 Proves checklist item').selectOption(applicantItem);
    await page.getByRole('button', { name: '保存文件 Save document' }).click();
    const refused = page.locator('.document-notice').getByRole('alert');
    await expect(refused).toContainText('Local storage is full; the document was not saved');
    await expect(refused).toContainText('本機儲存空間已滿，文件未保存');
    // All or nothing: no document, no upload row, no mutation, and the case row exactly as it was.
    expect(await storeCounts(page)).toEqual(before);
    expect(before).toMatchObject({ documents: 1, uploads: 1, outbox: 2 });
    // Nothing entered is lost: the page, its turn and the chosen checklist item are still there.
    await expect(pending(page)).toHaveCount(1);
    await expect(page.getByTestId('pending-size')).toHaveText(' · 351×248');
    await expect(page.getByLabel('證明項目 Proves checklist item')).toHaveValue(applicantItem);
    // And the refusal itself is what the meter now warns about, before the next capture.
    await expect(page.locator('.storage-meter').getByRole('alert')).toContainText('the last save was refused for lack of space');

    // Space back: the same pending page saves, once, and the warning goes.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.evaluate(() => localStorage.removeItem('e2e.quota'));
    await page.getByRole('button', { name: '保存文件 Save document' }).click();
    await expect(pending(page)).toHaveCount(0);
    await expect(saved(page)).toHaveCount(2);
    await expect(page.locator('.storage-meter [role=alert]')).toHaveCount(0);
    expect(await storeCounts(page)).toMatchObject({ documents: 2, uploads: 2, outbox: 3 });
  } finally {
    await context.close();
    await renderer.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
