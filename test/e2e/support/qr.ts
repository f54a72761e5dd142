import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Rasterises a PDF's first page with poppler, as a printer would, and decodes the QR code on it. */
export function decodeQrFromPdf(pdfPath: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'qr-'));
  execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', pdfPath, join(dir, 'page')]);
  const file = readdirSync(dir).find((name) => name.endsWith('.png'));
  if (!file) return undefined;
  const png = PNG.sync.read(readFileSync(join(dir, file)));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}

export function pdfText(pdfPath: string): string {
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
}

export function pdfPageSizeMm(pdfPath: string): { width: number; height: number } {
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  if (!match) throw new Error(`no page size in pdfinfo output: ${info}`);
  const toMm = (pt: string) => (Number(pt) * 25.4) / 72;
  return { width: toMm(match[1] ?? '0'), height: toMm(match[2] ?? '0') };
}
