import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLimits, jpegDimensions, sniffFormat, validateDocument } from './validateDocument';

const fixtures = join(import.meta.dirname, '../../../../test/fixtures/documents');
const fixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

describe('validateDocument', () => {
  it('accepts a real JPEG and reads its size from the frame header', async () => {
    const result = await validateDocument(fixture('page.jpg'));
    expect(result).toMatchObject({ ok: true, format: 'jpeg', mime: 'image/jpeg', pages: 1, width: 496, height: 702 });
  });

  it('accepts a real PNG', async () => {
    expect(await validateDocument(fixture('page.png'))).toMatchObject({ ok: true, format: 'png', width: 248, height: 351 });
  });

  it('counts the pages of one-page and multi-page PDFs', async () => {
    expect(await validateDocument(fixture('one-page.pdf'))).toMatchObject({ ok: true, format: 'pdf', pages: 1 });
    expect(await validateDocument(fixture('three-pages.pdf'))).toMatchObject({ ok: true, format: 'pdf', pages: 3 });
  });

  it('judges by content: a text file named .pdf is the wrong type', async () => {
    const result = await validateDocument(fixture('not-really.pdf'));
    expect(result).toMatchObject({ ok: false, code: 'wrong_type' });
    if (!result.ok) {
      expect(result.message.zh).toContain('非副檔名');
      expect(result.message.en).toContain('checked by content');
    }
  });

  it('refuses an empty file', async () => {
    expect(await validateDocument(fixture('empty.pdf'))).toMatchObject({ ok: false, code: 'empty' });
  });

  it('refuses corrupt PDF and JPEG files', async () => {
    expect(await validateDocument(fixture('corrupt.pdf'))).toMatchObject({ ok: false, code: 'corrupt' });
    expect(await validateDocument(fixture('corrupt.jpg'))).toMatchObject({ ok: false, code: 'corrupt' });
  });

  it('refuses a PNG cut off before its end', async () => {
    const png = fixture('page.png');
    expect(await validateDocument(png.subarray(0, png.length - 20))).toMatchObject({ ok: false, code: 'corrupt' });
  });

  it('detects an encrypted PDF made by Ghostscript', async () => {
    const result = await validateDocument(fixture('encrypted.pdf'));
    expect(result).toMatchObject({ ok: false, code: 'encrypted' });
  });

  it('refuses too many pages and names both numbers', async () => {
    const result = await validateDocument(fixture('too-many-pages.pdf'));
    expect(result).toMatchObject({ ok: false, code: 'too_many_pages' });
    if (!result.ok) expect(result.message.en).toContain('101 pages, over the 100-page limit');
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const result = await validateDocument(fixture('page.jpg'), { ...defaultLimits, maxBytes: 1024 });
    expect(result).toMatchObject({ ok: false, code: 'too_large' });
  });

  it('refuses an image whose pixel count would exhaust memory', async () => {
    expect(await validateDocument(fixture('page.jpg'), { ...defaultLimits, maxMegapixels: 0.1 })).toMatchObject({ ok: false, code: 'too_many_pixels' });
  });

  it('sniffs WebP and a PDF header after leading junk', () => {
    const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);
    expect(sniffFormat(webp)).toBe('webp');
    expect(sniffFormat(new TextEncoder().encode('\r\n\r\n%PDF-1.4\n'))).toBe('pdf');
    expect(sniffFormat(new TextEncoder().encode('GIF89a'))).toBeUndefined();
  });

  it('finds no frame in a JPEG that stops after its first segment', () => {
    expect(jpegDimensions(fixture('corrupt.jpg'))).toBeUndefined();
  });
});
