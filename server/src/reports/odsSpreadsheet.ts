/**
 * Report tables as an OpenDocument spreadsheet (.ods), the format the government's ODF policy asks
 * for, written directly: no maintained library writes ODS (exceljs does not, SheetJS's npm release is
 * unmaintained), and the least valid file is small (ODF 1.2 part 3, the package):
 * - `mimetype` first in the zip, stored uncompressed, so a reader can tell the file by its bytes 30–;
 * - META-INF/manifest.xml naming the package's type and its parts;
 * - content.xml: one table per report table, numbers as floats, fractions as percentages, text in
 *   paragraphs (one per line).
 * The zip is jszip's (docs/decisions/0038-front-office-reports.md).
 */
import JSZip from 'jszip';
import type { Cell, SheetTable } from './spreadsheetTables';
import { safeText } from './spreadsheetTables';

export const ODS_MIME_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${ODS_MIME_TYPE}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`;

const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
].join(' ');

/** A bold header cell, and a percentage with two decimals. */
const STYLES = `<office:automatic-styles>
<number:percentage-style style:name="N1"><number:number number:decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<style:style style:name="head" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="percent" style:family="table-cell" style:data-style-name="N1"/>
</office:automatic-styles>`;

/** Whether XML 1.0 can carry the code point: not a control character but tab and line breaks, a lone surrogate or U+FFFE/F. */
function xmlChar(codePoint: number): boolean {
  return codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd || (codePoint >= 0x20 && codePoint <= 0xd7ff) || (codePoint >= 0xe000 && codePoint <= 0xfffd) || codePoint >= 0x10000;
}

/** Text as XML character data; what XML cannot carry is dropped. */
function xmlText(value: string): string {
  return [...value]
    .filter((char) => xmlChar(char.codePointAt(0) ?? 0))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function cellXml(cell: Cell, percent: boolean, head: boolean): string {
  if (cell === null) return '<table:table-cell/>';
  if (typeof cell === 'number') {
    const style = percent ? ' table:style-name="percent"' : '';
    return `<table:table-cell${style} office:value-type="${percent ? 'percentage' : 'float'}" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>`;
  }
  if (typeof cell === 'boolean') return `<table:table-cell office:value-type="boolean" office:boolean-value="${cell}"><text:p>${cell ? 'TRUE' : 'FALSE'}</text:p></table:table-cell>`;
  const paragraphs = safeText(cell).split(/\r?\n/).map((line) => `<text:p>${xmlText(line)}</text:p>`).join('');
  return `<table:table-cell${head ? ' table:style-name="head"' : ''} office:value-type="string">${paragraphs}</table:table-cell>`;
}

function tableXml(table: SheetTable): string {
  const percent = new Set(table.percentColumns ?? []);
  const header = `<table:table-row>${table.header.map((name) => cellXml(name, false, true)).join('')}</table:table-row>`;
  const rows = table.rows.map((cells) => `<table:table-row>${cells.map((cell, index) => cellXml(cell, percent.has(index + 1), false)).join('')}</table:table-row>`);
  return `<table:table table:name="${xmlText(table.name)}">${header}${rows.join('')}</table:table>`;
}

export function odsContentXml(tables: readonly SheetTable[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NAMESPACES} office:version="1.2">${STYLES}<office:body><office:spreadsheet>${tables.map(tableXml).join('')}</office:spreadsheet></office:body></office:document-content>
`;
}

export async function tablesOds(tables: readonly SheetTable[], created: Date): Promise<Buffer> {
  const zip = new JSZip();
  // Insertion order is the archive's order: mimetype must come first, and uncompressed.
  zip.file('mimetype', ODS_MIME_TYPE, { compression: 'STORE', date: created });
  zip.file('META-INF/manifest.xml', MANIFEST, { date: created, createFolders: false });
  zip.file('content.xml', odsContentXml(tables), { date: created, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
