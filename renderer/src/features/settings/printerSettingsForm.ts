import type { PrinterSettings, PrintTemplate, TemplatePrinterSettings } from '../../../../shared/ipc/contract';

/**
 * The rules of the printer settings form, kept out of the component so they are tested on their own.
 * Invariants: the form never produces settings the host would refuse (the A4 notice stays a page
 * print; silent printing and ESC/POS need a named printer), and a configured printer that has vanished
 * from the system stays visible, marked, instead of silently becoming "system default".
 */

export interface PrinterChoice {
  /** '' = the system default printer, with the print dialog. */
  readonly value: string;
  readonly label: string;
  readonly missing: boolean;
}

export function printerChoices(
  printers: readonly { name: string; displayName: string; isDefault: boolean }[],
  current: string | undefined,
  labels: { systemDefault: string; notInstalled: string },
): PrinterChoice[] {
  const choices: PrinterChoice[] = [{ value: '', label: labels.systemDefault, missing: false }];
  for (const printer of printers) {
    const label = printer.displayName === printer.name ? printer.name : `${printer.displayName} (${printer.name})`;
    choices.push({ value: printer.name, label, missing: false });
  }
  if (current !== undefined && !printers.some((printer) => printer.name === current)) {
    choices.push({ value: current, label: `${current} — ${labels.notInstalled}`, missing: true });
  }
  return choices;
}

/** Apply a change to one template's settings, keeping the combination valid. */
export function updateTemplate(
  settings: PrinterSettings,
  template: PrintTemplate,
  change: Partial<TemplatePrinterSettings> & { printer?: string },
): PrinterSettings {
  const merged: TemplatePrinterSettings = { ...settings[template], ...change };
  const printer = merged.printer === '' ? undefined : merged.printer;
  const next: TemplatePrinterSettings = {
    silent: printer === undefined ? false : merged.silent,
    mode: template === 'notice' || printer === undefined ? 'page' : merged.mode,
    escposEncoding: merged.escposEncoding,
  };
  if (printer !== undefined) next.printer = printer;
  return { ...settings, [template]: next };
}
