/**
 * Prints a form template (shared/domain/formTemplate.ts) on one A4 page with pdf-lib, its values filled in.
 * The CJK font's bytes come from the caller (the server reads the committed file, the desktop its bundled
 * copy); pdf-lib embeds only the glyphs this page uses (`subset: true`), so a form is a few kilobytes and
 * prints the same on any PC with no font installed. Empty `values` give the blank form. Decision 0042.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { PDFDocument, rgb } from 'pdf-lib';
import type { FormBox, FormTemplate } from '../domain/formTemplate';
import { a4 } from '../domain/formTemplate';

const pointsPerMm = 72 / 25.4;
const ink = rgb(0, 0, 0);
const pt = (mm: number) => mm * pointsPerMm;
/** pdf-lib measures from the bottom left; templates from the top left, as a ruler on paper. */
const fromTop = (mm: number) => pt(a4.height - mm);

/** Characters that fit `width` points per line; CJK text has no spaces, so it breaks between any two characters. */
function wrapLines(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const character of text) {
    if (line && font.widthOfTextAtSize(line + character, size) > width) {
      lines.push(line);
      line = character.trim() ? character : '';
    } else line += character;
  }
  if (line) lines.push(line);
  return lines;
}

function drawBox(page: PDFPage, font: PDFFont, box: FormBox, value: string): void {
  const width = pt(box.width);
  let size = box.fontSize;
  if (!box.wrap) {
    // One line: shrink a long value rather than spill over the form's ruling.
    while (size > 6 && font.widthOfTextAtSize(value, size) > width) size -= 0.5;
    page.drawText(value, { x: pt(box.x), y: fromTop(box.y) - size, size, font, color: ink });
    return;
  }
  let lines = wrapLines(value, font, size, width);
  while (size > 6 && lines.length * size * 1.2 > pt(box.height)) {
    size -= 0.5;
    lines = wrapLines(value, font, size, width);
  }
  lines.forEach((line, i) => page.drawText(line, { x: pt(box.x), y: fromTop(box.y) - size * (1 + i * 1.2), size, font, color: ink }));
}

export async function renderFormPdf(template: FormTemplate, values: Readonly<Record<string, string>>, fontBytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${template.titleZh} ${template.titleEn}`);
  doc.setCreator('CounterDesk');
  const font = await doc.embedFont(fontBytes, { subset: true });
  const page = doc.addPage([pt(a4.width), pt(a4.height)]);
  for (const line of template.lines) {
    page.drawLine({ start: { x: pt(line.x1), y: fromTop(line.y1) }, end: { x: pt(line.x2), y: fromTop(line.y2) }, thickness: line.thickness ?? 0.5, color: ink });
  }
  // A text's y is its baseline, where a ruler on the printed form would read it.
  for (const text of template.texts) page.drawText(text.text, { x: pt(text.x), y: fromTop(text.y), size: text.fontSize, font, color: ink });
  for (const box of template.boxes) {
    const value = values[box.field]?.trim();
    if (value) drawBox(page, font, box, value);
  }
  return doc.save();
}
