import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemblePdf, pdfPageJpegs } from './assemblePdf';
import { validateDocument } from './validateDocument';

const fixtures = join(import.meta.dirname, '../../../../test/fixtures/documents');
const fixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

describe('assemblePdf', () => {
  it('puts images and PDF pages into one PDF in the given order', async () => {
    const jpeg = fixture('page.jpg');
    const pdf = await assemblePdf([
      { format: 'jpeg', bytes: jpeg },
      { format: 'pdf', bytes: fixture('three-pages.pdf') },
      { format: 'png', bytes: fixture('page.png') },
    ]);
    expect(await validateDocument(pdf)).toMatchObject({ ok: true, format: 'pdf', pages: 5 });
    const pages = await pdfPageJpegs(pdf);
    expect(pages).toHaveLength(5);
    // The JPEG is embedded byte for byte; the text pages and the PNG page have no JPEG to show.
    expect(pages[0]).toEqual(jpeg);
    expect(pages.slice(1).every((page) => page === undefined)).toBe(true);
  });

  it('gives the same bytes for the same pages, so the SHA-256 is stable', async () => {
    const parts = [{ format: 'jpeg' as const, bytes: fixture('page.jpg') }];
    expect(await assemblePdf(parts)).toEqual(await assemblePdf(parts));
  });

  it('sizes an image page at 300 dpi', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.load(await assemblePdf([{ format: 'jpeg', bytes: fixture('page.jpg') }]));
    const size = pdf.getPage(0).getSize();
    expect(size.width).toBeCloseTo((496 * 72) / 300);
    expect(size.height).toBeCloseTo((702 * 72) / 300);
  });

  it('refuses an empty page list', async () => {
    await expect(assemblePdf([])).rejects.toThrow('at least one page');
  });
});
