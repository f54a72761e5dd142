import AxeBuilder from '@axe-core/playwright';
import { join, resolve } from 'node:path';
import { expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';
import { DocumentsPanel } from './support/pages/documentsPanel';

/**
 * A case's document and signature reach another computer: the clerk saves them in one browser; the
 * supervisor, in another browser with its own storage, pulls the case, opens the document on demand
 * and sees the signature, then sees both again with the network gone (decision 0018).
 */

const pageJpg = join(resolve(import.meta.dirname, '../..'), 'test/fixtures/documents/page.jpg');

test('the supervisor on another computer opens the document and sees the signature the clerk took, also offline', async ({ browser, appUrl }) => {
  const clerkContext = await browser.newContext();
  const clerkPage = await clerkContext.newPage();
  await CounterPage.stubPrintDialog(clerkPage);
  const clerk = new CounterPage(clerkPage);
  await clerk.signIn(appUrl);
  await clerk.fill({ service: 'HT-REGISTER', serviceId: 'HT-REGISTER', kind: 1, id: 'A123456789', name: '王小明', phone: '0912345678', documents: 'all-provided' });
  const caseNo = await clerk.save();
  await clerk.openCase(caseNo);
  await clerkPage.getByLabel('選擇檔案 Choose files').setInputFiles(pageJpg);
  await clerkPage.getByRole('button', { name: '保存文件 Save document' }).click();
  await expect(clerkPage.getByTestId('saved-document')).toHaveCount(1);
  await new DocumentsPanel(clerkPage).sign();
  await clerkPage.getByRole('button', { name: '立即同步' }).click();
  await expect(clerkPage.getByTestId('sync-state')).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
  // Nothing of the clerk's own is offered for download: it is on this computer.
  await expect(clerkPage.getByTestId('server-document')).toHaveCount(0);

  const supervisorContext = await browser.newContext();
  const page = await supervisorContext.newPage();
  await page.goto(appUrl);
  await page.getByLabel('帳號').fill('supervisor');
  await page.getByLabel('密碼').fill('supervisor-demo-2026');
  await page.getByLabel('密碼').press('Enter');
  await expect(page.getByText('櫃台: KL01')).toBeVisible();
  await page.getByRole('button', { name: '立即同步' }).click();
  const supervisor = new CounterPage(page);
  await supervisor.openCase(caseNo);

  // The signature is fetched as the case opens and checked against the case as pulled.
  await expect(page.getByRole('img', { name: '已保存簽名 Saved signature' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('簽名涵蓋目前案件內容')).toBeVisible();
  // The document is listed, not fetched, until asked for.
  const listed = page.getByTestId('server-document');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('JPEG');
  await expect(page.getByText('尚無文件 · No documents yet')).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).include('.case-documents').analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  // Offline with no copy here: it says the document needs the server, in both languages, and stores nothing.
  await supervisorContext.setOffline(true);
  await listed.getByRole('button', { name: /下載並開啟/ }).click();
  await expect(listed.getByRole('alert')).toContainText('需連線至伺服器');
  await expect(listed.getByRole('alert')).toContainText('needs the server');
  await expect(page.getByTestId('saved-document')).toHaveCount(0);
  await supervisorContext.setOffline(false);
  await listed.getByRole('button', { name: /重試/ }).click();
  await expect(page.getByRole('region', { name: /檢視 Viewer/ }).getByRole('img')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('saved-document')).toHaveCount(1);
  await expect(listed).toHaveCount(0);

  // The network is gone: the case opens again with its document and signature from this computer.
  await supervisorContext.setOffline(true);
  await page.keyboard.press('Alt+B');
  await supervisor.openCase(caseNo);
  await expect(page.getByRole('img', { name: '已保存簽名 Saved signature' })).toBeVisible();
  await page.getByTestId('saved-document').getByRole('button').click();
  await expect(page.getByRole('region', { name: /檢視 Viewer/ }).getByRole('img')).toBeVisible();

  await clerkContext.close();
  await supervisorContext.close();
});
