import { describe, expect, it } from 'vitest';
import { defaultPrinterSettings, printerSettingsSchema } from '../../../../shared/ipc/contract';
import { printerChoices, updateTemplate } from './printerSettingsForm';

const labels = { systemDefault: 'System default', notInstalled: 'not installed' };
const printers = [
  { name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82', isDefault: false },
  { name: 'HP', displayName: 'HP', isDefault: true },
];

describe('printer settings form', () => {
  it('offers the system default, every printer, and a vanished configured printer marked as missing', () => {
    expect(printerChoices(printers, 'Gone', labels)).toEqual([
      { value: '', label: 'System default', missing: false },
      { value: 'EPSON_TM_T82', label: 'EPSON TM-T82 (EPSON_TM_T82)', missing: false },
      { value: 'HP', label: 'HP', missing: false },
      { value: 'Gone', label: 'Gone — not installed', missing: true },
    ]);
    expect(printerChoices(printers, 'HP', labels)).toHaveLength(3);
  });

  it('keeps every combination valid for the host', () => {
    let settings = updateTemplate(defaultPrinterSettings, 'receipt', { printer: 'EPSON_TM_T82', silent: true, mode: 'escpos' });
    expect(settings.receipt).toEqual({ printer: 'EPSON_TM_T82', silent: true, mode: 'escpos', escposEncoding: 'big5' });
    settings = updateTemplate(settings, 'notice', { printer: 'HP', mode: 'escpos', silent: true });
    expect(settings.notice).toEqual({ printer: 'HP', silent: true, mode: 'page', escposEncoding: 'big5' });
    settings = updateTemplate(settings, 'receipt', { printer: '' });
    expect(settings.receipt).toEqual({ silent: false, mode: 'page', escposEncoding: 'big5' });
    expect(printerSettingsSchema.safeParse(settings).success).toBe(true);
  });
});
