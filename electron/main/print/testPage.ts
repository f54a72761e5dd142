import type { PrintTemplate } from '../../../shared/ipc/contract';
import type { PagePrintOptions } from './printJobs';

/**
 * The printer test page, printed from a hidden window of its own so that the document the clerk may still
 * need to reprint stays untouched in the counter window's print area.
 *
 * Invariants: the page is static HTML with no script (the window runs with JavaScript off) and only
 * escaped text from the settings; its paper is the template's (80 mm receipt roll, A4 sheet), given to
 * Chromium both as CSS @page and as the explicit print page size; the hidden window is always destroyed.
 */

export const TEST_PAGE_SIZE_MM: Record<PrintTemplate, { widthMm: number; heightMm: number }> = {
  receipt: { widthMm: 80, heightMm: 120 },
  notice: { widthMm: 210, heightMm: 297 },
};

const TEMPLATE_NAMES: Record<PrintTemplate, string> = {
  receipt: '收執聯 Receipt (80 mm)',
  notice: '通知單 Notice (A4)',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The test page as a complete HTML document. */
export function testPageHtml(template: PrintTemplate, printer: string, stationId: string, printedAt: Date): string {
  const size = TEST_PAGE_SIZE_MM[template];
  const receipt = template === 'receipt';
  // A ruler along the width shows at a glance whether the driver scaled or cropped the page.
  const ticks = Array.from({ length: Math.floor(size.widthMm / 10) }, (_, i) => `<span>${(i + 1) * 10}</span>`).join('');
  return `<!doctype html>
<html lang="zh-Hant"><head><meta charset="utf-8"><title>CounterDesk test page</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
@page { size: ${size.widthMm}mm ${size.heightMm}mm; margin: 0; }
html, body { margin: 0; }
body { width: ${size.widthMm}mm; padding: ${receipt ? 3 : 15}mm; box-sizing: border-box;
  font-family: "Noto Sans CJK TC", "Microsoft JhengHei", sans-serif; font-size: ${receipt ? 10 : 12}pt; }
h1 { font-size: 1.4em; margin: 0 0 2mm; }
.ruler { display: flex; border-top: 0.3mm solid #000; margin: 3mm 0; }
.ruler span { flex: 0 0 10mm; border-left: 0.3mm solid #000; font-size: 6pt; text-align: right; }
.box { border: 0.5mm solid #000; padding: 2mm; margin-top: 3mm; }
</style></head>
<body data-template="${template}">
<h1>測試列印 Test print</h1>
<p>基隆市稅務局 櫃台通 CounterDesk</p>
<p>範本 Template: ${escapeHtml(TEMPLATE_NAMES[template])}</p>
<p>印表機 Printer: ${escapeHtml(printer === '' ? '系統預設 system default' : printer)}</p>
<p>櫃台 Station: ${escapeHtml(stationId)}</p>
<p>時間 Time: ${escapeHtml(printedAt.toISOString())}</p>
<div class="ruler">${ticks}</div>
<div class="box">若此頁完整且中文清楚，印表機設定正確。<br>If this page is complete and the Chinese is legible, the printer is set up correctly.</div>
</body></html>`;
}

/** The part of a hidden BrowserWindow the test page uses. */
export interface HiddenPrintWindow {
  loadURL(url: string): Promise<void>;
  readonly webContents: {
    print(options: PagePrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  };
  destroy(): void;
}

/** Load `html` into a fresh hidden window, print it with `options`, and destroy the window. */
export async function printHtml(
  makeWindow: () => HiddenPrintWindow,
  html: string,
  options: PagePrintOptions,
): Promise<{ success: boolean; failureReason: string }> {
  const window = makeWindow();
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await new Promise((resolve) => {
      window.webContents.print(options, (success, failureReason) => resolve({ success, failureReason }));
    });
  } finally {
    window.destroy();
  }
}
