import { PDFDocument, PDFName, PDFRawStream, PDFDict } from 'pdf-lib';

/**
 * Puts the pages of one document — camera shots, scanned images, imported PDFs — into one PDF, in the
 * order the clerk set.
 *
 * Invariants: each image becomes exactly one page sized to the image at IMAGE_DPI (so an A4 scan at
 * 300 dpi is an A4 page), embedded as-is without re-encoding; a PDF contributes all its pages, in order;
 * the result's page count is the sum of its parts. The output has fixed metadata dates, so the same
 * pages give the same bytes and the same SHA-256.
 */

export const IMAGE_DPI = 300;

export type PageSource = { format: 'jpeg' | 'png'; bytes: Uint8Array } | { format: 'pdf'; bytes: Uint8Array };

export async function assemblePdf(parts: readonly PageSource[], producedAt = new Date(0)): Promise<Uint8Array> {
  if (parts.length === 0) throw new Error('a document needs at least one page');
  const pdf = await PDFDocument.create();
  for (const part of parts) {
    if (part.format === 'pdf') {
      const source = await PDFDocument.load(part.bytes, { updateMetadata: false });
      const pages = await pdf.copyPages(source, source.getPageIndices());
      for (const page of pages) pdf.addPage(page);
      continue;
    }
    const image = part.format === 'jpeg' ? await pdf.embedJpg(part.bytes) : await pdf.embedPng(part.bytes);
    const width = (image.width * 72) / IMAGE_DPI;
    const height = (image.height * 72) / IMAGE_DPI;
    pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  pdf.setProducer('CounterDesk');
  pdf.setCreator('CounterDesk');
  pdf.setCreationDate(producedAt);
  pdf.setModificationDate(producedAt);
  return pdf.save();
}

/**
 * For the viewer: each page's JPEG, when the page is one embedded JPEG (what assemblePdf and most
 * scanners produce), else undefined for that page. The bytes are the stored ones, not a re-render.
 */
export async function pdfPageJpegs(bytes: Uint8Array): Promise<Array<Uint8Array | undefined>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.getPages().map((page) => {
    const resources = page.node.Resources();
    const xObjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    if (!xObjects) return undefined;
    const entries = xObjects.entries();
    if (entries.length !== 1) return undefined;
    const [, ref] = entries[0] ?? [];
    const stream = ref ? pdf.context.lookup(ref) : undefined;
    if (!(stream instanceof PDFRawStream)) return undefined;
    const filter = stream.dict.get(PDFName.of('Filter'));
    return filter === PDFName.of('DCTDecode') ? stream.contents : undefined;
  });
}
