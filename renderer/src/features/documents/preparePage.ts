import type { BilingualText } from './documentMessages';
import { formatText } from './documentMessages';
import { assemblePdf } from './assemblePdf';
import { FULL_CROP, ImageDecodeError, normaliseImage, type CropBox, type NormaliseOptions, type QuarterTurn } from './normaliseImage';
import type { PendingPage } from './pendingPages';
import { defaultLimits, validateDocument, type DocumentLimits } from './validateDocument';

/**
 * From an incoming file or camera shot to a pending page, and from the pending pages to the one Blob
 * that is stored. Validation by content comes first; images are then decoded and normalised, which is
 * also the last word on whether an image is corrupt.
 */

export type PreparedPage = { ok: true; page: PendingPage } | { ok: false; message: BilingualText };

export async function preparePage(blob: Blob, origin: string, limits: DocumentLimits = defaultLimits, options: NormaliseOptions = {}): Promise<PreparedPage> {
  // Size first, from the Blob: an oversized file is refused without reading it into memory.
  if (blob.size > limits.maxBytes) {
    return { ok: false, message: formatText('tooLarge', { size: (blob.size / 1024 / 1024).toFixed(1), limit: (limits.maxBytes / 1024 / 1024).toFixed(1) }) };
  }
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const checked = await validateDocument(bytes, limits);
  if (!checked.ok) return { ok: false, message: checked.message };
  if (checked.format === 'pdf') return { ok: true, page: { id: crypto.randomUUID(), format: 'pdf', bytes, pages: checked.pages, origin } };
  const source = new Blob([bytes], { type: checked.mime });
  try {
    const normalised = await normaliseImage(source, options);
    const image = { source, rotate: options.rotate ?? 0, crop: options.crop ?? FULL_CROP, width: normalised.width, height: normalised.height };
    return { ok: true, page: { id: crypto.randomUUID(), format: 'jpeg', bytes: new Uint8Array(await normalised.blob.arrayBuffer()), pages: 1, origin, image } };
  } catch (error) {
    if (error instanceof ImageDecodeError) return { ok: false, message: formatText('corrupt') };
    throw error;
  }
}

/**
 * The page turned and cropped as given (the crop in the turned, upright frame), re-encoded from its
 * original. The page keeps its id and place; a PDF page is returned unchanged.
 */
export async function editPage(page: PendingPage, edit: { rotate: QuarterTurn; crop: CropBox }): Promise<PendingPage> {
  if (!page.image) return page;
  const normalised = await normaliseImage(page.image.source, edit);
  return {
    ...page,
    bytes: new Uint8Array(await normalised.blob.arrayBuffer()),
    image: { source: page.image.source, rotate: edit.rotate, crop: edit.crop, width: normalised.width, height: normalised.height },
  };
}

/**
 * The stored form: one image stays a JPEG, one PDF is kept byte for byte (it may carry its own
 * signatures), anything else becomes one PDF in the clerk's order.
 */
export async function documentBlob(pages: readonly PendingPage[]): Promise<Blob> {
  const [only] = pages;
  if (pages.length === 1 && only) return new Blob([new Uint8Array(only.bytes)], { type: only.format === 'jpeg' ? 'image/jpeg' : 'application/pdf' });
  const pdf = await assemblePdf(pages.map((page) => ({ format: page.format, bytes: page.bytes })));
  return new Blob([new Uint8Array(pdf)], { type: 'application/pdf' });
}
