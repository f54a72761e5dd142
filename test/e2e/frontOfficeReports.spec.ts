import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { signIn } from './support/signIn';

/**
 * The demo supervisor's front office reports over the demo's last 60 days: the figures on screen, an
 * ODS export that opens as a spreadsheet, and the monthly analysis printed.
 */
test('the supervisor reads the front office report, exports it as ODS and prints the monthly analysis', async ({ page, appUrl }) => {
  await signIn(page, appUrl, 'supervisor', 'supervisor-demo-2026');
  await page.getByRole('button', { name: '報表' }).click();
  const frontOffice = page.getByRole('region', { name: '櫃台服務' });
  await frontOffice.getByRole('button', { name: '查詢' }).click();
  await expect(frontOffice.getByText(/優先號 5 分鐘內叫號：\d/)).toBeVisible();
  await expect(frontOffice.getByRole('table', { name: '按櫃台' }).getByRole('row', { name: /愛心櫃台/ })).toBeVisible();
  await expect(frontOffice.getByRole('img', { name: /各時段等候時間/ })).toBeVisible();
  await expect(frontOffice.getByRole('table', { name: '滿意度：按承辦人員' }).getByRole('row', { name: /示範櫃台人員/ })).toBeVisible();
  await expectNoAxeViolations(page, 'the front office report');

  const download = page.waitForEvent('download');
  await frontOffice.getByRole('button', { name: '匯出 ODS' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^front-office-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.ods$/);
  const zip = await JSZip.loadAsync(await readFile((await file.path()) ?? ''));
  expect(await zip.file('mimetype')?.async('string')).toBe('application/vnd.oasis.opendocument.spreadsheet');
  expect(await zip.file('content.xml')?.async('string')).toContain('table:name="叫號-櫃台 By counter"');
  await expect(frontOffice.getByRole('status').filter({ hasText: '已匯出' })).toBeVisible();

  // The analysis of last month, on screen, then on paper: what the print area held when the host printed.
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printedText = document.getElementById('print-area')?.textContent ?? '';
    };
  });
  const analysis = page.getByRole('region', { name: '滿意度調查分析報告' });
  await analysis.getByRole('button', { name: '產生分析' }).click();
  await expect(analysis.getByRole('heading', { name: /民眾滿意度調查分析報告/ })).toBeVisible();
  await expect(analysis.getByRole('table', { name: '分數分布' })).toBeVisible();
  await expectNoAxeViolations(page, 'the monthly analysis');
  await analysis.getByRole('button', { name: '列印分析報告' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed-text', /民眾滿意度調查分析報告.*分數分布/);
  await expect(analysis.getByRole('button', { name: '列印分析報告' })).toBeEnabled();
  await expect(page.locator('#print-area .analysis-print')).toHaveCount(0);
});
