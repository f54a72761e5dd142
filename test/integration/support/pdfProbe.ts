/**
 * Test helpers that read a PDF as a person would: its text through poppler's `pdftotext`, and whether a
 * box of the page is inked through `pdftoppm` (a grey raster). Tests only; poppler is on the build machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function withFile<T>(pdf: Uint8Array, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-probe-'));
  try {
    const file = path.join(dir, 'form.pdf');
    writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

const dpi = 100;

/** Share of dark pixels in a rectangle given in millimetres from the page's top left (first page). */
export function inkedShare(pdf: Uint8Array, box: { x: number; y: number; width: number; height: number }): number {
  return withFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-singlefile', file, path.join(dir, 'page')]);
    const raster = readFileSync(path.join(dir, 'page.pgm'));
    // A binary PGM: "P5\n<w> <h>\n<max>\n" then one byte a pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(raster.toString('latin1', 0, 40));
    if (!header) throw new Error('pdftoppm gave no PGM');
    const width = Number(header[1]);
    const offset = header[0].length;
    const px = (mm: number) => Math.round((mm / 25.4) * dpi);
    let dark = 0;
    let all = 0;
    for (let y = px(box.y); y < px(box.y + box.height); y += 1) {
      for (let x = px(box.x); x < px(box.x + box.width); x += 1) {
        all += 1;
        if ((raster[offset + y * width + x] ?? 255) < 160) dark += 1;
      }
    }
    return dark / all;
  });
}
