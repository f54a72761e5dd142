/**
 * Turns a photo or scan into the stored page image: rotated, cropped, scaled so its longest side is
 * at most TARGET_LONG_SIDE (A4 at 300 dpi), JPEG at TARGET_QUALITY — the target of
 * docs/decisions/0010-document-normalisation.md, where small print stays legible.
 *
 * Invariants: a page is never enlarged (upscaling adds bytes, not detail); the crop is applied in the
 * upright (rotated) frame, which is what the clerk sees when choosing it; the output always has
 * whole-pixel dimensions of at least 1.
 */

export const TARGET_LONG_SIDE = 2480;
export const TARGET_QUALITY = 0.85;
export const TARGET_MIME = 'image/jpeg';

export type QuarterTurn = 0 | 90 | 180 | 270;

/** A crop as fractions (0..1) of the upright image, so it survives any rescaling. */
export interface CropBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The whole image: the crop that cuts nothing. */
export const FULL_CROP: CropBox = { x: 0, y: 0, width: 1, height: 1 };

/** A quarter turn added to another, clockwise positive. */
export function addTurn(rotate: QuarterTurn, by: 90 | -90): QuarterTurn {
  return (((rotate + by) % 360) + 360) % 360 as QuarterTurn;
}

/**
 * The same region of the page after the upright image turns a further quarter (clockwise for 90), so
 * a crop the clerk chose stays on the same part of the page when the page is turned afterwards.
 */
export function turnCrop(crop: CropBox, by: 90 | -90): CropBox {
  return by === 90
    ? { x: 1 - crop.y - crop.height, y: crop.x, width: crop.height, height: crop.width }
    : { x: crop.y, y: 1 - crop.x - crop.width, width: crop.height, height: crop.width };
}

/** Margins cut from each side, in percent of the upright image, as a crop box (an impossible crop keeps 1 %). */
export function cropFromMargins(margins: { top: number; right: number; bottom: number; left: number }): CropBox {
  const pct = (value: number) => Math.min(99, Math.max(0, Number.isFinite(value) ? value : 0)) / 100;
  const left = pct(margins.left);
  const top = pct(margins.top);
  return { x: left, y: top, width: Math.max(0.01, 1 - left - pct(margins.right)), height: Math.max(0.01, 1 - top - pct(margins.bottom)) };
}

/** The margins, in whole percent, that a crop box leaves on each side. */
export function marginsOfCrop(crop: CropBox): { top: number; right: number; bottom: number; left: number } {
  const pct = (value: number) => Math.max(0, Math.round(value * 100));
  return { top: pct(crop.y), right: pct(1 - crop.x - crop.width), bottom: pct(1 - crop.y - crop.height), left: pct(crop.x) };
}

export interface NormaliseOptions {
  rotate?: QuarterTurn;
  crop?: CropBox;
  maxLongSide?: number;
  quality?: number;
}

export interface NormalisationPlan {
  /** Source rectangle in the original (unrotated) image's pixels. */
  source: { x: number; y: number; width: number; height: number };
  /** Output size in pixels, upright. */
  width: number;
  height: number;
  rotate: QuarterTurn;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

export function planNormalisation(sourceWidth: number, sourceHeight: number, options: NormaliseOptions = {}): NormalisationPlan {
  const rotate = options.rotate ?? 0;
  const sideways = rotate === 90 || rotate === 270;
  const uprightWidth = sideways ? sourceHeight : sourceWidth;
  const uprightHeight = sideways ? sourceWidth : sourceHeight;
  const crop = options.crop ?? { x: 0, y: 0, width: 1, height: 1 };
  const x0 = clamp01(crop.x);
  const y0 = clamp01(crop.y);
  const x1 = clamp01(crop.x + crop.width);
  const y1 = clamp01(crop.y + crop.height);
  // The crop in upright pixels, then mapped back into the original image's frame.
  // An empty crop still yields one pixel, kept inside the image.
  const uw = Math.max(1, Math.round((x1 - x0) * uprightWidth));
  const uh = Math.max(1, Math.round((y1 - y0) * uprightHeight));
  const ux = Math.min(Math.round(x0 * uprightWidth), uprightWidth - uw);
  const uy = Math.min(Math.round(y0 * uprightHeight), uprightHeight - uh);
  let source: NormalisationPlan['source'];
  if (rotate === 0) source = { x: ux, y: uy, width: uw, height: uh };
  else if (rotate === 180) source = { x: sourceWidth - ux - uw, y: sourceHeight - uy - uh, width: uw, height: uh };
  // Turned 90° clockwise: upright (ux, uy) comes from original (uy, sourceHeight - ux - uw).
  else if (rotate === 90) source = { x: uy, y: sourceHeight - ux - uw, width: uh, height: uw };
  else source = { x: sourceWidth - uy - uh, y: ux, width: uh, height: uw };
  const maxLongSide = options.maxLongSide ?? TARGET_LONG_SIDE;
  const scale = Math.min(1, maxLongSide / Math.max(uw, uh));
  return { source, width: Math.max(1, Math.round(uw * scale)), height: Math.max(1, Math.round(uh * scale)), rotate };
}

export class ImageDecodeError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ImageDecodeError';
  }
}

/** Browser only: decodes, rotates, crops and re-encodes. A file the browser cannot decode throws ImageDecodeError. */
export async function normaliseImage(input: Blob | ImageBitmap | HTMLVideoElement, options: NormaliseOptions = {}): Promise<{ blob: Blob; width: number; height: number }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = input instanceof Blob ? await createImageBitmap(input) : await createImageBitmap(input);
  } catch (error) {
    throw new ImageDecodeError(error);
  }
  try {
    const plan = planNormalisation(bitmap.width, bitmap.height, options);
    const canvas = document.createElement('canvas');
    canvas.width = plan.width;
    canvas.height = plan.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, plan.width, plan.height);
    context.imageSmoothingQuality = 'high';
    context.translate(plan.width / 2, plan.height / 2);
    context.rotate((plan.rotate * Math.PI) / 180);
    const sideways = plan.rotate === 90 || plan.rotate === 270;
    const drawWidth = sideways ? plan.height : plan.width;
    const drawHeight = sideways ? plan.width : plan.height;
    const { source } = plan;
    context.drawImage(bitmap, source.x, source.y, source.width, source.height, -drawWidth / 2, -drawHeight / 2, drawWidth, drawHeight);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, TARGET_MIME, options.quality ?? TARGET_QUALITY));
    if (!blob) throw new Error('the canvas produced no image');
    return { blob, width: plan.width, height: plan.height };
  } finally {
    bitmap.close();
  }
}
