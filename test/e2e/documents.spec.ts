import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveRenderer } from '../../scripts/rendererServer';

/**
 * Scanned documents and e-signatures in the real renderer bundle, on the documents harness page
 * (#/documents-harness), in Chromium with a fake camera that plays a generated y4m test card. No
 * central server is needed: documents and signatures are local until the sync engine uploads them.
 */

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'test/fixtures/documents');
const fixture = (name: string) => join(fixtures, name);
const rendererDir = process.env.COUNTERDESK_RENDERER_DIR ?? join(root, 'out/renderer');

const test = base.extend<{ harness: Page }>({
  harness: async ({ page }, use) => {
    const renderer = await serveRenderer({ dir: rendererDir, hostConfig: { serverUrl: 'http://127.0.0.1:9', deviceId: 'documents-e2e' } });
    await page.goto(`${renderer.url}#/documents-harness`);
    await expect(page.getByRole('heading', { name: 'Documents harness' })).toBeVisible();
    await use(page);
    await renderer.close();
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

const fileInput = (page: Page) => page.getByLabel('選擇檔案 Choose files');
const saved = (page: Page) => page.getByTestId('saved-document');
const pending = (page: Page) => page.getByTestId('pending-page');

async function importAndSave(page: Page, file: string, item: string): Promise<void> {
  await fileInput(page).setInputFiles(fixture(file));
  await expect(pending(page)).toHaveCount(1);
  await page.getByLabel('證明項目 Proves checklist item').selectOption(item);
  await page.getByRole('button', { name: '保存文件 Save document' }).click();
  await expect(pending(page)).toHaveCount(0);
}

test('captures two pages from the camera with a retake and a reorder, and views them as one PDF', async ({ harness: page }) => {
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

test('imports a real JPEG, PNG, PDF and multi-page PDF, each linked to its checklist item', async ({ harness: page }) => {
  await importAndSave(page, 'page.jpg', '申請書 / Application form');
  await importAndSave(page, 'page.png', '身分證影本 / Copy of ID card');
  await importAndSave(page, 'one-page.pdf', '申請書 / Application form');
  await importAndSave(page, 'three-pages.pdf', '其他文件 / Other document');
  await expect(saved(page)).toHaveCount(4);
  await expect(page.getByTestId('linked-count')).toHaveText('4');
  const application = page.locator('.saved-documents > li').filter({ hasText: '申請書 / Application form' });
  await expect(application.getByTestId('saved-document')).toHaveCount(2);
  await page.locator('.saved-documents > li').filter({ hasText: '其他文件' }).getByRole('button').click();
  await expect(page.getByTestId('viewer-page')).toContainText('第 1 / 3 頁');
  await expect(page.getByText('This page is a text PDF and cannot be previewed here.')).toBeVisible();
});

test('refuses each bad input with a message in both languages and keeps nothing half-added', async ({ harness: page }) => {
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

test('a signature stops covering the case once the case changes', async ({ harness: page }) => {
  const pad = page.getByLabel('簽名板 Signature pad');
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  await page.mouse.move(box.x + 40, box.y + 120);
  await page.mouse.down();
  for (let step = 1; step <= 10; step += 1) await page.mouse.move(box.x + 40 + step * 30, box.y + 120 - (step % 2) * 50, { steps: 3 });
  await page.mouse.up();
  await page.getByRole('button', { name: '確認簽名 Accept signature' }).click();
  await expect(page.getByText('簽名涵蓋目前案件內容')).toBeVisible();
  const hash = await page.getByTestId('signature-hash').textContent();
  expect(hash).toMatch(/^SHA-256 [0-9a-f]{64}$/);

  await page.getByLabel('申請人 Applicant').fill('王小名');
  await expect(page.getByRole('alert')).toContainText('the signature does not cover the change');
  // Back to the signed content: covered again, because the binding is to the content, not to a time.
  await page.getByLabel('申請人 Applicant').fill('王小明');
  await expect(page.getByText('簽名涵蓋目前案件內容')).toBeVisible();
  // The binding survives a reload: it is stored with the signature.
  await page.reload();
  await page.getByLabel('申請人 Applicant').fill('王大明');
  await expect(page.getByRole('alert')).toContainText('the signature does not cover the change');
  await expect(page.getByTestId('signature-hash')).toHaveText(hash ?? '');
});

/**
 * A full disk, made at the platform boundary: Chromium's quota override (CDP
 * Storage.overrideQuotaForOrigin) reaches neither navigator.storage.estimate nor IndexedDB writes in
 * this Chromium, so while the flag is set the estimate reports 1 KB left and IndexedDB refuses writes
 * to the outbox store with the browser's own QuotaExceededError — after the document row was written in
 * the same transaction, so the rollback is what keeps the case whole.
 */
async function simulateFullDisk(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const full = () => localStorage.getItem('e2e.diskFull') === '1';
    const proto = IDBObjectStore.prototype;
    const realAdd = proto.add;
    const realPut = proto.put;
    proto.add = function add(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (full() && this.name === 'outbox') throw new DOMException('The disk is full', 'QuotaExceededError');
      return realAdd.apply(this, args);
    };
    proto.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (full() && this.name === 'outbox') throw new DOMException('The disk is full', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    const realEstimate = StorageManager.prototype.estimate;
    StorageManager.prototype.estimate = async function estimate(this: StorageManager) {
      const real = await realEstimate.call(this);
      return full() ? { usage: real.usage, quota: (real.usage ?? 0) + 1024 } : real;
    };
  });
}

test('a full disk is announced before capture and a failed save leaves the case whole and the pages kept', async ({ harness: page }) => {
  await simulateFullDisk(page);
  await importAndSave(page, 'page.jpg', '申請書 / Application form');
  await expect(saved(page)).toHaveCount(1);

  await page.evaluate(() => localStorage.setItem('e2e.diskFull', '1'));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Local storage is low (1 KB left)');
  await expect(saved(page)).toHaveCount(1);

  await fileInput(page).setInputFiles(fixture('three-pages.pdf'));
  await expect(pending(page)).toHaveCount(1);
  await page.getByRole('button', { name: '保存文件 Save document' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Local storage is full' })).toContainText('本機儲存空間已滿');
  await expect(pending(page)).toHaveCount(1);
  await expect(saved(page)).toHaveCount(1);
  // Nothing of the failed save is in the store: no document row, no upload row, no second mutation.
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('counterdesk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = (store: string) => new Promise<number>((resolve) => {
      const request = db.transaction(store).objectStore(store).count();
      request.onsuccess = () => resolve(request.result);
    });
    const result = { documents: await count('documents'), uploads: await count('uploads'), outbox: await count('outbox') };
    db.close();
    return result;
  });
  // createCase plus one attachDocument.
  expect(stored).toEqual({ documents: 1, uploads: 1, outbox: 2 });

  // Space back: the same pending pages save, and only once.
  await page.evaluate(() => localStorage.removeItem('e2e.diskFull'));
  await page.getByRole('button', { name: '保存文件 Save document' }).click();
  await expect(pending(page)).toHaveCount(0);
  await expect(saved(page)).toHaveCount(2);
});
