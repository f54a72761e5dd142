import type { PrintTemplate } from '../../../shared/ipc/contract';

const STYLE_ID = 'print-page-size';

/**
 * Chromium takes the paper size from the CSS `@page` rule when printing from the page itself, so the
 * rule is rewritten before each print: 80 mm receipts get exactly their content height, notices A4.
 */
export function applyPageSize(template: PrintTemplate, widthMm: number, heightMm?: number): void {
  let style = document.getElementById(STYLE_ID);
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.head.append(style);
  }
  const size = heightMm ? `${widthMm}mm ${heightMm}mm` : `${widthMm}mm`;
  style.textContent = `@page { size: ${size}; margin: 0; } body[data-printing="${template}"] {}`;
}

/** Height in millimetres of the print area's content, rounded up, at CSS's 96 px per inch. */
export function measureHeightMm(element: HTMLElement): number {
  const px = element.scrollHeight;
  return Math.ceil((px * 25.4) / 96) + 2;
}
