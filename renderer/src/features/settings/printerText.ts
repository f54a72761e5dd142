import { useT, type KeysUnder } from '../../lib/i18n';

/** The printer settings' words: the `printer.` part of the one table in lib/i18n.ts. */
export type PrinterTextKey = KeysUnder<'printer.'>;

/** The printer settings' words in the current language. */
export function usePrinterText(): (key: PrinterTextKey) => string {
  const t = useT();
  return (key) => t(`printer.${key}`);
}
