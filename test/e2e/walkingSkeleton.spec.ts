import { join } from 'node:path';
import { decodeQrFromPdf, pdfPageSizeMm, pdfText } from './support/qr';
import { demoClerk, expect, test } from './support/fixtures';

test('a case registered offline prints a receipt whose QR code opens its progress page after sync', async ({ page, server, appUrl }, testInfo) => {
  // Headless Chromium never closes the print dialog that window.print() opens, and refuses
  // printToPDF while it is open; page.pdf below stands in for the dialog.
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  await page.goto(appUrl);

  // Sign in while the server is up.
  await page.getByLabel('帳號').fill(demoClerk.username);
  await page.getByLabel('密碼').fill(demoClerk.password);
  await page.getByLabel('密碼').press('Enter');
  await expect(page.getByText('櫃台: KL01')).toBeVisible();

  // The counter loses the central server.
  await server.stop();

  // Keyboard-only intake: service, applicant kind, ID, name, phone, address, the first document, save.
  await page.getByLabel('申請項目').focus();
  await page.keyboard.type('HT-REGISTER');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('申請項目')).toHaveAttribute('data-service-id', 'HT-REGISTER');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('申請人身分證字號／統一編號')).toBeFocused();
  await page.keyboard.type('a123456788');
  await page.keyboard.press('Enter');
  await expect(page.locator('#intake-idNumber-error')).toBeVisible();
  // A wrong checksum is reported next to the field, in both languages, and the input is kept.
  await expect(page.getByLabel('申請人身分證字號／統一編號')).toHaveValue('a123456788');
  await page.getByLabel('申請人身分證字號／統一編號').fill('a123456789');
  await page.getByLabel('申請人身分證字號／統一編號').press('Enter');
  await expect(page.locator('#intake-idNumber-error')).toHaveCount(0);
  await page.keyboard.type('王小明');
  await page.keyboard.press('Enter');
  await page.keyboard.type('0912345678');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('p');
  await page.getByRole('button', { name: '儲存案件' }).press('Enter');

  const banner = page.getByRole('status').filter({ hasText: '已儲存案件' });
  await expect(banner).toBeVisible();
  const caseNo = /已儲存案件 (\S+)/.exec((await banner.textContent()) ?? '')?.[1] ?? '';
  const rocYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric' }).format(new Date())) - 1911;
  expect(caseNo).toMatch(new RegExp(`^${rocYear}-KL01-000001-[0-9A-Z]$`));

  // Print the receipt: the print area holds it; Chromium renders it to PDF as the print dialog would.
  await page.getByRole('button', { name: /列印收執聯/ }).press('Enter');
  await expect(page.getByTestId('receipt').locator('img')).toBeVisible();
  const pdfPath = join(testInfo.outputDir, 'receipt.pdf');
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });

  const size = pdfPageSizeMm(pdfPath);
  expect(Math.round(size.width)).toBe(80);
  const text = pdfText(pdfPath);
  expect(text).toContain(caseNo);
  expect(text).toContain('王○明');
  expect(text).toContain('A12345****');
  expect(text).not.toContain('A123456789');
  expect(text).toContain(`中華民國${rocYear}年`);

  const decoded = decodeQrFromPdf(pdfPath);
  expect(decoded).toBeDefined();
  const progressUrl = new URL(decoded ?? '');
  expect(progressUrl.origin).toBe(server.url);
  expect(decodeURIComponent(progressUrl.pathname)).toBe(`/q/${caseNo}`);

  // The case waits in the local list until the server is back, then syncs by itself.
  await page.getByRole('button', { name: /案件清單/ }).click();
  const row = page.locator(`tr[data-case-no="${caseNo}"]`);
  await expect(row.getByTestId('sync-state')).toHaveAttribute('data-state', 'pending');
  await server.start();
  await expect(row.getByTestId('sync-state')).toHaveAttribute('data-state', 'synced', { timeout: 45_000 });

  // The citizen scans the code.
  const citizen = await page.context().newPage();
  await citizen.goto(progressUrl.toString());
  await expect(citizen.getByText(caseNo)).toBeVisible();
  await expect(citizen.getByText('王○明')).toBeVisible();
  await expect(citizen.getByText('房屋', { exact: false }).first()).toBeVisible();
  expect(await citizen.content()).not.toContain('A123456789');

  // A tampered verifier shows nothing about the case.
  const tampered = new URL(progressUrl);
  tampered.searchParams.set('v', `${progressUrl.searchParams.get('v') ?? ''}x`);
  const response = await citizen.goto(tampered.toString());
  expect(response?.status()).toBe(404);
  const body = await citizen.content();
  expect(body).not.toContain(caseNo);
  expect(body).not.toContain('王○明');
});
