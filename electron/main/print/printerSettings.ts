import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultPrinterSettings, printerSettingsSchema, type PrinterSettings } from '../../../shared/ipc/contract';

/**
 * This station's printer per template, kept in `printers.json` in the userData folder: printers belong to
 * the machine at the counter, not to the clerk or the bureau, so the setting is neither synced nor in the
 * IndexedDB of the renderer.
 *
 * Invariants: what is read is parsed with the contract's schema, and a missing, unreadable or invalid file
 * yields the defaults (the counter must still start and print with the system dialog); a write replaces
 * the file atomically (temporary file, then rename), so a crash never leaves half a file behind.
 */

export const PRINTER_SETTINGS_FILE = 'printers.json';

export const DEFAULT_PRINTER_SETTINGS: PrinterSettings = defaultPrinterSettings;

export interface PrinterSettingsStore {
  get(): Promise<PrinterSettings>;
  set(settings: PrinterSettings): Promise<PrinterSettings>;
}

function copyOf(settings: PrinterSettings): PrinterSettings {
  return { receipt: { ...settings.receipt }, notice: { ...settings.notice } };
}

export function createPrinterSettingsStore(
  userDataDir: string,
  log: (message: string) => void = (message) => console.warn(message),
): PrinterSettingsStore {
  const filePath = path.join(userDataDir, PRINTER_SETTINGS_FILE);
  let cached: PrinterSettings | undefined;

  async function load(): Promise<PrinterSettings> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`printers: cannot read ${filePath}: ${(error as Error).message}`);
      return copyOf(DEFAULT_PRINTER_SETTINGS);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      log(`printers: ${filePath} is not JSON; using the system dialog until the printers are set again`);
      return copyOf(DEFAULT_PRINTER_SETTINGS);
    }
    const parsed = printerSettingsSchema.safeParse(json);
    if (!parsed.success) {
      log(`printers: ${filePath} is not valid (${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}); using defaults`);
      return copyOf(DEFAULT_PRINTER_SETTINGS);
    }
    return parsed.data;
  }

  return {
    async get() {
      cached ??= await load();
      return copyOf(cached);
    },
    async set(settings) {
      const parsed = printerSettingsSchema.parse(settings);
      await mkdir(userDataDir, { recursive: true });
      const temporary = `${filePath}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(parsed, null, 2)}\n`, 'utf8');
      await rename(temporary, filePath);
      cached = parsed;
      return copyOf(parsed);
    },
  };
}
