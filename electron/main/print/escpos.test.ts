import { describe, expect, it } from 'vitest';
import type { EscposReceipt } from '../../../shared/ipc/contract';
import {
  CHINESE_MODE_ON,
  columns,
  encodeText,
  escposTestReceipt,
  FEED_AND_CUT,
  INIT,
  qrCodeCommands,
  renderEscposReceipt,
  SELECT_UTF8,
  wrap,
} from './escpos';

const receipt: EscposReceipt = {
  heading: ['基隆市稅務局', '收執聯 Receipt'],
  fields: [
    { label: '案件編號 Case no.', value: '1140304-0007' },
    { label: '申請人 Applicant', value: '王○明 A12****789' },
  ],
  caseNo: '1140304-0007',
  qrData: 'https://counterdesk.tax.keelung.gov.tw/q/1140304-0007?v=k3J9',
  footer: ['掃描 QR Code 查詢案件進度'],
};

/** Index of `needle` in `haystack`, or -1. */
function indexOf(haystack: Uint8Array, needle: readonly number[]): number {
  return Buffer.from(haystack).indexOf(Buffer.from(needle));
}

describe('QR code (GS ( k)', () => {
  it('selects model 2, sets size and level, stores the data with its length, then prints', () => {
    const data = 'https://x.tw/q/1';
    const bytes = qrCodeCommands(data, 6, 'M');
    const stored = [...Buffer.from(data, 'ascii')];
    expect(bytes).toEqual([
      ...[0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00],
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06],
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31],
      ...[0x1d, 0x28, 0x6b, data.length + 3, 0x00, 0x31, 0x50, 0x30, ...stored],
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
    ]);
  });

  it('puts lengths over 255 into pL and pH', () => {
    const data = `https://x.tw/${'a'.repeat(300)}`;
    const bytes = qrCodeCommands(data);
    // The store command follows the three 8- and 9-byte setup commands.
    expect(bytes.slice(25, 32)).toEqual([0x1d, 0x28, 0x6b, (data.length + 3) & 0xff, (data.length + 3) >> 8, 0x31, 0x50]);
  });

  it('refuses data a QR store command cannot carry as given', () => {
    expect(() => qrCodeCommands('https://x.tw/查詢')).toThrow(RangeError);
    expect(() => qrCodeCommands('')).toThrow(RangeError);
    expect(() => qrCodeCommands('x', 17)).toThrow(RangeError);
  });
});

describe('text encoding', () => {
  it('encodes Chinese in Big5 and leaves ASCII alone', () => {
    expect(encodeText('中文 稅 櫃 A1', 'big5')).toEqual([0xa4, 0xa4, 0xa4, 0xe5, 0x20, 0xb5, 0x7c, 0x20, 0xc2, 0x64, 0x20, 0x41, 0x31]);
  });

  it('replaces what Big5 lacks with one question mark, never half a character', () => {
    expect(encodeText('😀中', 'big5')).toEqual([0x3f, 0xa4, 0xa4]);
  });

  it('encodes UTF-8 as UTF-8', () => {
    expect(encodeText('稅A', 'utf8')).toEqual([0xe7, 0xa8, 0x85, 0x41]);
  });

  it('counts Chinese as two columns and wraps without splitting a character', () => {
    expect(columns('稅A')).toBe(3);
    expect(wrap('一二三四五', 4)).toEqual(['一二', '三四', '五']);
    expect(wrap('', 4)).toEqual(['']);
    for (const line of wrap('基隆市稅務局 Keelung City Tax Bureau 基隆市稅務局', 10)) expect(columns(line)).toBeLessThanOrEqual(10);
  });
});

describe('renderEscposReceipt', () => {
  it('resets the printer, selects Chinese mode for Big5, and ends with a feed and a cut', () => {
    const bytes = renderEscposReceipt(receipt, { encoding: 'big5' });
    expect([...bytes.slice(0, 4)]).toEqual([...INIT, ...CHINESE_MODE_ON]);
    expect([...bytes.slice(-FEED_AND_CUT.length)]).toEqual([...FEED_AND_CUT]);
    expect(indexOf(bytes, SELECT_UTF8)).toBe(-1);
  });

  it('selects UTF-8 with FS ( C when the station asks for it', () => {
    const bytes = renderEscposReceipt(receipt, { encoding: 'utf8' });
    expect([...bytes.slice(0, 9)]).toEqual([...INIT, ...SELECT_UTF8]);
    expect(indexOf(bytes, [...Buffer.from('基隆市稅務局', 'utf8')])).toBeGreaterThan(0);
  });

  it('carries the case number, the text in the chosen code page and the QR code of the progress URL', () => {
    const bytes = renderEscposReceipt(receipt, { encoding: 'big5' });
    expect(indexOf(bytes, encodeText('基隆市稅務局', 'big5'))).toBeGreaterThan(0);
    expect(indexOf(bytes, encodeText('王○明 A12****789', 'big5'))).toBeGreaterThan(0);
    expect(indexOf(bytes, [...Buffer.from('1140304-0007', 'ascii')])).toBeGreaterThan(0);
    const qr = qrCodeCommands(receipt.qrData);
    const at = indexOf(bytes, qr);
    expect(at).toBeGreaterThan(indexOf(bytes, encodeText('申請人 Applicant', 'big5')));
    expect(at).toBeLessThan(indexOf(bytes, encodeText('掃描 QR Code 查詢案件進度', 'big5')));
  });

  it('renders the station test receipt', () => {
    const bytes = renderEscposReceipt(escposTestReceipt('TM_T82', 'keelung-counter-03', new Date('2025-01-02T03:04:05Z')), { encoding: 'big5' });
    expect(indexOf(bytes, encodeText('測試列印 Test print', 'big5'))).toBeGreaterThan(0);
    expect(indexOf(bytes, [...Buffer.from('keelung-counter-03', 'ascii')])).toBeGreaterThan(0);
  });
});
