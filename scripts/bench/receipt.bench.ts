/**
 * `npm run bench -- receipt`: from a saved case to its receipt as a PDF whose QR code decodes, the way
 * a counter prints it. The built renderer runs in Debian's Chromium against a real central server
 * (demo data, demo clerk). Each repetition enters and saves a case through the UI, then times:
 * Alt+P (print the saved receipt) → the renderer has drawn the receipt with its QR code into the print
 * area, set the 80 mm page size and asked the host to print → Chromium has rendered the PDF (page.pdf
 * stands in for the print dialog, which headless Chromium never closes). The PDF is then rasterised
 * with poppler and its QR code decoded (outside the timing): a repetition counts only when the code
 * holds the case's progress URL.
 * Baseline: a raw page.pdf() of a static page of the same size (80 mm × the receipt's height, the same
 * text and a QR image) in the same browser, same run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import { decodeQrFromPdf, pdfPageSizeMm } from '../../test/e2e/support/qr';
import { openCounterPage } from './support/chromium';
import { openSignedIn, startCounterApp } from './support/demoCounter';
import { median } from './support/median';
import { withCheckDigit } from './support/nationalId';
import type { BenchMeasurement } from './support/types';

const REPS = Number(process.env.BENCH_RECEIPT_REPS ?? 7);

/** A valid national ID (letter A–H, sex digit, seven digits, checksum) for each n, so no two cases share an applicant. */
function nationalId(n: number): string {
  return withCheckDigit(`${'ABCDEFGH'.charAt(n % 8)}${1 + (n % 2)}${String(1_000_000 + n * 7_919).slice(-7)}`);
}

async function enter(page: Page, text?: string): Promise<void> {
  if (text !== undefined) await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Keyboard-only intake of a change-of-address case with every document provided; returns its case number. */
async function saveCase(page: Page, n: number): Promise<string> {
  await page.keyboard.press('Alt+N');
  await page.getByLabel('申請項目').waitFor();
  await enter(page, 'GEN-ADDRESS');
  await page.locator('[data-service-id="GEN-ADDRESS"]').waitFor();
  await page.keyboard.press('1');
  await enter(page);
  await enter(page, nationalId(n));
  await enter(page, '王小明');
  await enter(page, '0912345678');
  await enter(page, '201');
  await enter(page, `信一路${n + 1}號`);
  const rows = await page.locator('fieldset.doc-row').count();
  for (let i = 0; i < rows; i += 1) {
    await page.keyboard.press('p');
    await page.keyboard.press('Enter');
  }
  const banner = page.getByRole('status').filter({ hasText: '已儲存案件' });
  const before = (await banner.count()) > 0 ? ((await banner.textContent()) ?? '') : '';
  await page.keyboard.press('Alt+S');
  await page.waitForFunction((previous) => {
    const text = [...document.querySelectorAll('[role="status"]')].map((node) => node.textContent ?? '').find((t) => t.includes('已儲存案件'));
    return text !== undefined && text !== previous;
  }, before);
  const caseNo = /已儲存案件 (\S+)/.exec((await banner.textContent()) ?? '')?.[1];
  if (caseNo === undefined) throw new Error('no case number in the saved banner');
  return caseNo;
}

/** The static page of the baseline: the receipt's size, its text and a QR image, nothing to compute. */
async function staticReceiptHtml(heightMm: number, caseNo: string, url: string): Promise<string> {
  const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return `<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><style>
@page { size: 80mm ${heightMm}mm; margin: 0; } body { margin: 0; font: 12px sans-serif; width: 80mm; }
dt { font-weight: bold; } img { display: block; margin: 0 auto; }
</style></head><body>
<p>基隆市稅務局 Keelung City Tax Bureau</p><p>收執聯 Receipt</p>
<dl><dt>案件編號 Case no.</dt><dd>${caseNo}</dd><dt>申請項目 Service</dt><dd>地址變更 Change of address</dd>
<dt>收件日期 Received</dt><dd>中華民國115年1月1日</dd><dt>處理期限 Due</dt><dd>中華民國115年1月15日</dd>
<dt>申請人 Applicant</dt><dd>王○明 A12345****</dd></dl>
<img src="${qr}" width="180" height="180" alt="${url}"><p>掃描 QR Code 查詢案件進度 · Scan to follow your case</p>
</body></html>`;
}

export async function run(): Promise<BenchMeasurement[]> {
  const app = await startCounterApp('counterdesk-bench-receipt-');
  // tsx keeps function names with a `__name` helper the page lacks; window.print only counts, as
  // headless Chromium's dialog would never close.
  const { page, close } = await openCounterPage('globalThis.__name = (f) => f; window.__printRequests = 0; window.print = () => { window.__printRequests += 1; };');
  try {
    await openSignedIn(page, app.url);

    const samples: number[] = [];
    const drawnMs: number[] = [];
    let last: { pdfPath: string; caseNo: string; url: string } | undefined;
    for (let r = 0; r < REPS + 1; r += 1) {
      const caseNo = await saveCase(page, r);
      const requested = await page.evaluate(() => (window as unknown as { __printRequests: number }).__printRequests);
      const started = performance.now();
      await page.keyboard.press('Alt+P');
      await page.waitForFunction((n) => (window as unknown as { __printRequests: number }).__printRequests > n, requested);
      const drawn = performance.now() - started;
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const elapsed = performance.now() - started;

      const pdfPath = join(app.work, `receipt-${r}.pdf`);
      writeFileSync(pdfPath, pdf);
      const decoded = decodeQrFromPdf(pdfPath);
      if (decoded === undefined || decodeURIComponent(new URL(decoded).pathname) !== `/q/${caseNo}`) {
        throw new Error(`receipt ${caseNo}: the QR code did not decode to its progress URL (got ${String(decoded)})`);
      }
      // The first repetition warms the code paths (QR library, fonts) and is not counted.
      if (r > 0) {
        samples.push(elapsed);
        drawnMs.push(drawn);
      }
      console.log(`  ${caseNo}: drawn and print requested after ${Math.round(drawn)} ms, PDF after ${Math.round(elapsed)} ms`);
      last = { pdfPath, caseNo, url: decoded };
    }
    if (last === undefined) throw new Error('no receipt printed');

    const size = pdfPageSizeMm(last.pdfPath);
    const heightMm = Math.round(size.height);
    const staticPage = await page.context().newPage();
    await staticPage.setContent(await staticReceiptHtml(heightMm, last.caseNo, last.url));
    await staticPage.pdf({ preferCSSPageSize: true, printBackground: true });
    const baseline: number[] = [];
    for (let r = 0; r < REPS; r += 1) {
      const started = performance.now();
      await staticPage.pdf({ preferCSSPageSize: true, printBackground: true });
      baseline.push(performance.now() - started);
    }

    return [
      {
        metric: 'receipt.render_ms',
        unit: 'ms',
        samples,
        baseline,
        note: `Alt+P on a saved case → receipt drawn with its QR code → PDF (80 × ${heightMm} mm); every PDF's QR code decoded to the case's progress URL. Of that, drawing and asking the host to print took ${Math.round(median(drawnMs))} ms (median); the rest is Chromium making the PDF. Baseline: page.pdf() of a static page of the same size.`,
      },
    ];
  } finally {
    await close();
    await app.stop();
  }
}
