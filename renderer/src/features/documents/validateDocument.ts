import { PDFDocument } from 'pdf-lib';
import { formatText, type BilingualText } from './documentMessages';

/**
 * Decides from the bytes alone whether an imported or captured file may become a case document.
 *
 * Invariants:
 * - The type comes from the content (magic bytes and structure), never from the name or the browser's
 *   guess: a JPEG named `.txt` is a JPEG, a text file named `.pdf` is refused.
 * - Cheap checks run first (empty, size) so an oversized file is refused before it is parsed.
 * - A file is accepted only when its structure can be read: an image needs its frame header and
 *   plausible dimensions, a PDF must open with pdf-lib, not be encrypted, and have 1..maxPages pages.
 *   Full pixel decoding happens later in the browser (normaliseImage), which refuses what fails there.
 */

export type DocumentFormat = 'jpeg' | 'png' | 'webp' | 'pdf';

export const formatMime: Record<DocumentFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

export interface DocumentLimits {
  maxBytes: number;
  maxPages: number;
  /** Decoded image size limit: a small file can still expand to gigabytes of pixels. */
  maxMegapixels: number;
}

/** Well below the sync protocol's 256 MB: a 100-page scan at our target size stays far under it. */
export const defaultLimits: DocumentLimits = { maxBytes: 50 * 1024 * 1024, maxPages: 100, maxMegapixels: 80 };

export type DocumentProblemCode = 'empty' | 'wrong_type' | 'corrupt' | 'encrypted' | 'too_large' | 'too_many_pixels' | 'too_many_pages';

export type ValidationResult =
  | { ok: true; format: DocumentFormat; mime: string; pages: number; width?: number; height?: number }
  | { ok: false; code: DocumentProblemCode; message: BilingualText };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((value, index) => bytes[at + index] === value);

/** The format the bytes really are, or undefined. */
export function sniffFormat(bytes: Uint8Array): DocumentFormat | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  // PDF readers accept the header anywhere in the first 1024 bytes; scanners sometimes prepend junk.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  return undefined;
}

/** Reads a JPEG's size from its first start-of-frame segment; undefined when there is none. */
export function jpegDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    const length = ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0);
    if (length < 2) return undefined;
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      if (offset + 9 > bytes.length) return undefined;
      const height = ((bytes[offset + 5] ?? 0) << 8) | (bytes[offset + 6] ?? 0);
      const width = ((bytes[offset + 7] ?? 0) << 8) | (bytes[offset + 8] ?? 0);
      return { width, height };
    }
    if (marker === 0xda || marker === 0xd9) return undefined;
    offset += 2 + length;
  }
  return undefined;
}

/** A PNG's size from IHDR, and whether the stream closes with IEND (a cut-off file does not). */
export function pngDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 33 || !startsWith(bytes, [0x49, 0x48, 0x44, 0x52], 12)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const iend = [0x49, 0x45, 0x4e, 0x44];
  if (!startsWith(bytes, iend, bytes.length - 8)) return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function webpDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 30) return undefined;
  const chunk = new TextDecoder('latin1').decode(bytes.subarray(12, 16));
  const b = (index: number) => bytes[index] ?? 0;
  if (chunk === 'VP8X') return { width: 1 + (b(24) | (b(25) << 8) | (b(26) << 16)), height: 1 + (b(27) | (b(28) << 8) | (b(29) << 16)) };
  if (chunk === 'VP8 ') return { width: (b(26) | (b(27) << 8)) & 0x3fff, height: (b(28) | (b(29) << 8)) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b(21) | (b(22) << 8) | (b(23) << 16) | (b(24) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

const problem = (code: DocumentProblemCode, message: BilingualText): ValidationResult => ({ ok: false, code, message });
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export async function validateDocument(bytes: Uint8Array, limits: DocumentLimits = defaultLimits): Promise<ValidationResult> {
  if (bytes.length === 0) return problem('empty', formatText('empty'));
  if (bytes.length > limits.maxBytes) return problem('too_large', formatText('tooLarge', { size: megabytes(bytes.length), limit: megabytes(limits.maxBytes) }));
  const format = sniffFormat(bytes);
  if (!format) return problem('wrong_type', formatText('wrongType'));
  if (format === 'pdf') return validatePdf(bytes, limits);
  const size = format === 'jpeg' ? jpegDimensions(bytes) : format === 'png' ? pngDimensions(bytes) : webpDimensions(bytes);
  if (!size || size.width === 0 || size.height === 0) return problem('corrupt', formatText('corrupt'));
  const megapixels = (size.width * size.height) / 1e6;
  if (megapixels > limits.maxMegapixels) return problem('too_many_pixels', formatText('tooManyPixels', { megapixels: megapixels.toFixed(0), limit: limits.maxMegapixels }));
  return { ok: true, format, mime: formatMime[format], pages: 1, ...size };
}

async function validatePdf(bytes: Uint8Array, limits: DocumentLimits): Promise<ValidationResult> {
  let pdf: PDFDocument;
  try {
    // Loaded with encryption ignored so that `isEncrypted` answers: pdf-lib's own EncryptedPDFError
    // does not survive bundling as a class one can test with instanceof.
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return problem('corrupt', formatText('corrupt'));
  }
  if (pdf.isEncrypted) return problem('encrypted', formatText('encrypted'));
  // pdf-lib recovers what it can from a broken file; one with no readable page is still broken.
  let pages: number;
  try {
    pages = pdf.getPageCount();
  } catch {
    return problem('corrupt', formatText('corrupt'));
  }
  if (pages === 0) return problem('corrupt', formatText('corrupt'));
  if (pages > limits.maxPages) return problem('too_many_pages', formatText('tooManyPages', { pages, limit: limits.maxPages }));
  return { ok: true, format: 'pdf', mime: formatMime.pdf, pages };
}
