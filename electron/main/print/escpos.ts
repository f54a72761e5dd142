import type { EscposReceipt } from '../../../shared/ipc/contract';

/**
 * ESC/POS rendering of a receipt, for thermal printers whose Windows or CUPS drivers print blank pages.
 *
 * Invariants: the output always starts with ESC @ (printer reset) and the code-page selection, so no state
 * left by a previous job changes this one; it always ends with a feed and a cut; the QR code holds exactly
 * `qrData` (ASCII bytes, never re-encoded); every text line is encoded in the one code page selected at the
 * start, with characters that code page lacks replaced by '?', so the printer never sees a broken
 * multi-byte sequence.
 *
 * Code pages: Big5 (`FS &`, Chinese character mode, with the printer's Chinese table set to Big5 by its
 * memory switches) is what most thermal printers sold in Taiwan understand. Newer firmware (e.g. Epson
 * TM-m30 series) accepts UTF-8 through `FS ( C`. The station picks one in its printer settings.
 */

export type EscposEncoding = 'big5' | 'utf8';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

/** ESC @: reset the printer to its power-on state. */
export const INIT = [ESC, 0x40] as const;
/** FS &: enter Chinese (two-byte) character mode; the table (Big5) is the printer's setting. */
export const CHINESE_MODE_ON = [FS, 0x26] as const;
/** FS ( C pL pH m fn a: fn 48 (0x30) selects the character encoding system; a = 2 is UTF-8. */
export const SELECT_UTF8 = [FS, 0x28, 0x43, 0x02, 0x00, 0x30, 0x02] as const;
/** GS V 66 0: feed to the cutter and cut, leaving a hinge (partial cut). */
export const FEED_AND_CUT = [GS, 0x56, 0x42, 0x00] as const;

/** Characters per line on 80 mm paper in font A (12×24 dots, 576 dots). A Chinese character takes two. */
export const LINE_WIDTH = 48;

const ALIGN_LEFT = [ESC, 0x61, 0x00];
const ALIGN_CENTRE = [ESC, 0x61, 0x01];
/** GS ! n: character size; 0x11 = double width and height, 0x00 = normal. */
const SIZE_DOUBLE = [GS, 0x21, 0x11];
const SIZE_NORMAL = [GS, 0x21, 0x00];
const BOLD_ON = [ESC, 0x45, 0x01];
const BOLD_OFF = [ESC, 0x45, 0x00];

/** Error correction level of the QR code: the `n` of GS ( k fn 69 (48 = L … 51 = H). */
const QR_LEVEL = { L: 48, M: 49, Q: 50, H: 51 } as const;

/** GS ( k pL pH cn fn …: one function of the QR-code symbol (cn = 49). */
function qrFunction(fn: number, params: readonly number[]): number[] {
  const length = params.length + 2;
  return [GS, 0x28, 0x6b, length & 0xff, (length >> 8) & 0xff, 0x31, fn, ...params];
}

/**
 * The GS ( k sequence that prints `data` as a model-2 QR code: select the model (fn 65), set the module
 * size in dots (fn 67), the error-correction level (fn 69), store the data (fn 80, m = 48), print (fn 81).
 */
export function qrCodeCommands(data: string, moduleSize = 6, level: keyof typeof QR_LEVEL = 'M'): number[] {
  if (!/^[\x20-\x7e]+$/.test(data)) throw new RangeError('QR data must be printable ASCII (a URL)');
  if (data.length > 7089) throw new RangeError('QR data is too long for one symbol');
  if (!Number.isInteger(moduleSize) || moduleSize < 1 || moduleSize > 16) throw new RangeError('QR module size is 1–16 dots');
  const bytes = [...data].map((char) => char.charCodeAt(0));
  return [
    ...qrFunction(65, [0x32, 0x00]),
    ...qrFunction(67, [moduleSize]),
    ...qrFunction(69, [QR_LEVEL[level]]),
    ...qrFunction(80, [0x30, ...bytes]),
    ...qrFunction(81, [0x30]),
  ];
}

let big5Table: Map<string, number> | undefined;

/**
 * Char → Big5 code, built once by decoding the whole Big5 space with the platform's decoder (the WHATWG
 * Big5 index that Node and Chromium ship). Node has no Big5 encoder; inverting the decoder keeps the two
 * directions consistent by construction. The first code for a character wins, as in the WHATWG encoder
 * for most characters.
 */
function big5Codes(): Map<string, number> {
  if (big5Table !== undefined) return big5Table;
  const decoder = new TextDecoder('big5', { fatal: false });
  const table = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail > 0x7e && trail < 0xa1) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      // One BMP character decoded: anything else is unmapped (U+FFFD) or a pair the encoder never emits.
      if (char.length !== 1 || char === '\ufffd') continue;
      if (!table.has(char)) table.set(char, (lead << 8) | trail);
    }
  }
  big5Table = table;
  return table;
}

/** Text to the printer's bytes in the chosen code page; unknown characters become '?'. */
export function encodeText(text: string, encoding: EscposEncoding): number[] {
  if (encoding === 'utf8') return [...new TextEncoder().encode(text)];
  const codes = big5Codes();
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const big5 = codes.get(char);
    if (big5 === undefined) out.push(0x3f);
    else out.push(big5 >> 8, big5 & 0xff);
  }
  return out;
}

/** Display width in columns: ASCII takes one, everything else (CJK, full-width forms) two. */
export function columns(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
  return width;
}

/** Break `text` into lines of at most `width` columns, never splitting a character. */
export function wrap(text: string, width = LINE_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (columns(line) + columns(char) > width) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

export interface EscposOptions {
  readonly encoding: EscposEncoding;
  /** QR module size in dots; 6 gives a code about 25 mm wide for a typical progress URL. */
  readonly qrModuleSize?: number;
}

/** The code-page selection sent right after ESC @. */
export function selectEncoding(encoding: EscposEncoding): number[] {
  return encoding === 'big5' ? [...CHINESE_MODE_ON] : [...SELECT_UTF8];
}

/** The whole print job for one receipt, as the bytes to send to a raw printer queue. */
export function renderEscposReceipt(receipt: EscposReceipt, options: EscposOptions): Uint8Array {
  const { encoding } = options;
  const text = (line: string) => [...encodeText(line, encoding), LF];
  const out: number[] = [...INIT, ...selectEncoding(encoding), ...ALIGN_CENTRE];

  for (const line of receipt.heading) out.push(...BOLD_ON, ...text(line), ...BOLD_OFF);
  out.push(LF, ...SIZE_DOUBLE, ...text(receipt.caseNo), ...SIZE_NORMAL, LF, ...ALIGN_LEFT);

  for (const field of receipt.fields) {
    out.push(...BOLD_ON, ...text(field.label), ...BOLD_OFF);
    for (const line of wrap(field.value)) out.push(...text(`  ${line}`.trimEnd()));
  }

  out.push(LF, ...ALIGN_CENTRE, ...qrCodeCommands(receipt.qrData, options.qrModuleSize ?? 6), LF);
  for (const line of receipt.footer) for (const part of wrap(line)) out.push(...text(part));
  out.push(...ALIGN_LEFT, ESC, 0x64, 0x03, ...FEED_AND_CUT);
  return Uint8Array.from(out);
}

/** The receipt a station prints as its ESC/POS test: every part of a real receipt, with sample data. */
export function escposTestReceipt(printer: string, stationId: string, printedAt: Date): EscposReceipt {
  return {
    heading: ['基隆市稅務局 Keelung City Tax Bureau', '測試列印 Test print'],
    fields: [
      { label: '印表機 Printer', value: printer },
      { label: '櫃台 Station', value: stationId },
      { label: '時間 Time', value: printedAt.toISOString() },
      { label: '中文測試 Chinese text', value: '繁體中文：櫃台通收執聯，臺灣基隆。' },
    ],
    caseNo: 'TEST-0000',
    qrData: 'https://counterdesk.invalid/test',
    footer: ['若中文為亂碼，請改用另一種編碼。', 'If the Chinese is garbled, try the other encoding.'],
  };
}
