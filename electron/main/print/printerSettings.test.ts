import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrinterSettings } from '../../../shared/ipc/contract';
import { createPrinterSettingsStore, DEFAULT_PRINTER_SETTINGS, PRINTER_SETTINGS_FILE } from './printerSettings';

let dir: string;
let logged: string[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'counterdesk-printers-'));
  logged = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const store = () => createPrinterSettingsStore(dir, (message) => logged.push(message));

const station: PrinterSettings = {
  receipt: { printer: 'TM_T82', silent: true, mode: 'escpos', escposEncoding: 'utf8' },
  notice: { printer: 'HP_LaserJet_M404', silent: true, mode: 'page', escposEncoding: 'big5' },
};

describe('printer settings store', () => {
  it('answers the defaults on a station never set up, without logging', async () => {
    expect(await store().get()).toEqual(DEFAULT_PRINTER_SETTINGS);
    expect(logged).toEqual([]);
  });

  it('keeps what was set across restarts, in printers.json, leaving no temporary file', async () => {
    expect(await store().set(station)).toEqual(station);
    expect(await store().get()).toEqual(station);
    expect(await readdir(dir)).toEqual([PRINTER_SETTINGS_FILE]);
  });

  it('hands out copies, so a caller cannot change the stored settings by mutation', async () => {
    const settings = store();
    await settings.set(station);
    const copy = await settings.get();
    copy.receipt.printer = 'Other';
    expect((await settings.get()).receipt.printer).toBe('TM_T82');
  });

  it('falls back to the defaults, and says why, when the file is not JSON or not valid', async () => {
    await writeFile(path.join(dir, PRINTER_SETTINGS_FILE), '{ not json');
    expect(await store().get()).toEqual(DEFAULT_PRINTER_SETTINGS);
    await writeFile(path.join(dir, PRINTER_SETTINGS_FILE), JSON.stringify({ ...station, notice: { ...station.notice, mode: 'escpos' } }));
    expect(await store().get()).toEqual(DEFAULT_PRINTER_SETTINGS);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/not JSON/);
    expect(logged[1]).toMatch(/notice\.mode/);
  });

  it('refuses to store settings outside the schema and leaves the file as it was', async () => {
    const settings = store();
    await settings.set(station);
    await expect(settings.set({ ...station, receipt: { ...station.receipt, printer: '' } })).rejects.toThrow();
    expect(JSON.parse(await readFile(path.join(dir, PRINTER_SETTINGS_FILE), 'utf8'))).toEqual(station);
  });
});
