import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { demoClerk, demoDeviceSecret, expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';

/**
 * Taxpayer data at rest (docs/decisions/0011-encryption-at-rest.md), in the real renderer against a
 * real server: what IndexedDB holds, read raw as anyone with a copy of the disk would, holds no
 * national ID, name or document bytes; the lock screen refuses a wrong password and a right one brings
 * back the workspace with the draft and the case.
 */

const root = resolve(import.meta.dirname, '../..');
const pdf = join(root, 'test/fixtures/documents/one-page.pdf');
// A run of the file's compressed stream: bytes that occur nowhere else unless the document is stored plain.
const documentBytes = readFileSync(pdf).subarray(300, 340);

const APPLICANT = { id: 'F131104093', name: '錢秘密' };

/** Every value of every object store of the app's database, Blobs as their bytes, as one base64 text. */
async function dumpIndexedDb(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolveOpen, reject) => {
      const request = indexedDB.open('counterdesk');
      request.onsuccess = () => resolveOpen(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const names = [...db.objectStoreNames];
    const values = await new Promise<unknown[]>((resolveAll, reject) => {
      const tx = db.transaction(names, 'readonly');
      const all: unknown[] = [];
      for (const name of names) {
        const request = tx.objectStore(name).getAll();
        request.onsuccess = () => all.push(...(request.result as unknown[]));
      }
      tx.oncomplete = () => resolveAll(all);
      tx.onerror = () => reject(tx.error ?? new Error('read failed'));
    });
    db.close();
    const chunks: Uint8Array[] = [];
    const encoder = new TextEncoder();
    const walk = async (value: unknown): Promise<void> => {
      if (value instanceof Blob) chunks.push(new Uint8Array(await value.arrayBuffer()));
      else if (value instanceof ArrayBuffer) chunks.push(new Uint8Array(value));
      else if (ArrayBuffer.isView(value)) chunks.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      else if (typeof value === 'string') chunks.push(encoder.encode(value));
      else if (Array.isArray(value)) for (const item of value) await walk(item);
      else if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
          chunks.push(encoder.encode(key));
          await walk(item);
        }
      } else chunks.push(encoder.encode(String(value)));
    };
    await walk(values);
    let binary = '';
    for (const chunk of chunks) for (const byte of chunk) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

test('IndexedDB holds no national ID, name, document bytes, session token or device secret; the lock screen unlocks only with the password', async ({ page, appUrl }) => {
  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);
  const signInAnswer = page.waitForResponse((response) => response.url().endsWith('/v1/auth/sign-in') && response.ok());
  await counter.signIn(appUrl);
  const { token } = (await (await signInAnswer).json()) as { token: string };

  await counter.fill({ service: 'GEN-ADDRESS', serviceId: 'GEN-ADDRESS', kind: 1, id: APPLICANT.id, name: APPLICANT.name, phone: '0912345678', district: '201', address: '信一路5號', documents: ['p', 'p', 'p'] });
  const caseNo = await counter.save();
  await counter.openCase(caseNo);
  await page.getByLabel('選擇檔案 Choose files').setInputFiles(pdf);
  await expect(page.getByTestId('pending-page')).toHaveCount(1);
  await page.getByRole('button', { name: '保存文件 Save document' }).click();
  await expect(page.getByTestId('saved-document')).toHaveCount(1);

  const dump = await dumpIndexedDb(page);
  // The dump is real: the case number (not personal) is there in the clear.
  expect(dump.includes(Buffer.from(caseNo))).toBe(true);
  expect(dump.includes(Buffer.from(APPLICANT.id)), 'national ID in IndexedDB').toBe(false);
  expect(dump.includes(Buffer.from(APPLICANT.name)), 'name in IndexedDB').toBe(false);
  expect(dump.includes(documentBytes), 'document bytes in IndexedDB').toBe(false);
  expect(dump.includes(Buffer.from(token)), 'session token in IndexedDB').toBe(false);
  expect(dump.includes(Buffer.from(demoDeviceSecret)), 'device secret in IndexedDB').toBe(false);
  // The dump is real for the session too: who is signed in stays readable for the lock screen.
  expect(dump.includes(Buffer.from(demoClerk.username)), 'the signed-in user').toBe(true);

  // A draft being typed, then "Lock" with its shortcut.
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('申請項目')).toBeFocused();
  await page.keyboard.type('GEN-ADDRESS');
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('申請人身分證字號／統一編號')).toBeFocused();
  await page.keyboard.type('A123456789');
  // Autosave runs 200 ms after the last keystroke.
  await page.waitForTimeout(600);
  await page.keyboard.press('Alt+Q');

  await expect(page.getByRole('heading', { name: '已鎖定' })).toBeVisible();
  await expect(page.getByText('櫃台: KL01')).toBeHidden();
  const password = page.getByLabel('密碼');
  await expect(password).toBeFocused();
  await password.fill('not-the-password');
  await password.press('Enter');
  await expect(page.getByRole('alert')).toContainText('密碼錯誤');
  await expect(page.getByRole('alert')).toContainText('Wrong password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  // The lock screen, its error shown, is axe-clean.
  const axe = await new AxeBuilder({ page }).exclude('#print-area').analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

  await password.fill(demoClerk.password);
  await password.press('Enter');
  await expect(page.getByText('櫃台: KL01')).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('申請人身分證字號／統一編號')).toHaveValue('A123456789');
  await counter.openCase(caseNo);
  await expect(page.getByText(APPLICANT.name).first()).toBeVisible();
});

test('a reload (a restart of the app) comes back to the lock screen, never to the workspace, and the password brings the session back', async ({ page, appUrl }) => {
  await CounterPage.stubPrintDialog(page);
  const counter = new CounterPage(page);
  await counter.signIn(appUrl);
  await expect(page.getByText('櫃台: KL01')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: '已鎖定' })).toBeVisible();
  await expect(page.getByText('櫃台: KL01')).toBeHidden();
  const password = page.getByLabel('密碼');
  await expect(password).toBeFocused();
  const axe = await new AxeBuilder({ page }).exclude('#print-area').analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  await password.fill(demoClerk.password);
  await password.press('Enter');
  await expect(page.getByText('櫃台: KL01')).toBeVisible();

  // Signed out, a reload shows the sign-in form.
  await page.getByRole('button', { name: '登出', exact: true }).click();
  await expect(page.getByRole('heading', { name: '登入' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '登入' })).toBeVisible();
});
