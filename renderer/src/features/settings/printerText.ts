import { useLocale, type Locale } from '../../state/locale';

// Kept here (not in lib/i18n) so the settings screen stays one self-contained feature.
export const printerText = {
  title: { 'zh-TW': '印表機設定（本櫃台）', en: 'Printers at this station' },
  intro: {
    'zh-TW': '每種文件各選一台印表機。設定只存在這台電腦上。',
    en: 'Choose a printer for each document. The choice is kept on this computer only.',
  },
  receipt: { 'zh-TW': '收執聯（80 mm 熱感紙）', en: 'Receipt (80 mm thermal roll)' },
  notice: { 'zh-TW': '退補件通知單（A4）', en: 'Deficiency notice (A4)' },
  printer: { 'zh-TW': '印表機', en: 'Printer' },
  systemDefault: { 'zh-TW': '系統預設（顯示列印對話框）', en: 'System default (show the print dialog)' },
  notInstalled: { 'zh-TW': '未安裝', en: 'not installed' },
  silent: { 'zh-TW': '直接列印，不顯示對話框', en: 'Print directly, without the dialog' },
  mode: { 'zh-TW': '列印方式', en: 'Printing method' },
  modePage: { 'zh-TW': '一般（透過驅動程式）', en: 'Standard (through the driver)' },
  modeEscpos: { 'zh-TW': 'ESC/POS（驅動程式印出空白時使用）', en: 'ESC/POS (when the driver prints blank pages)' },
  encoding: { 'zh-TW': '中文編碼', en: 'Chinese encoding' },
  big5: { 'zh-TW': 'Big5（多數台灣機型）', en: 'Big5 (most Taiwanese models)' },
  utf8: { 'zh-TW': 'UTF-8（新款韌體）', en: 'UTF-8 (newer firmware)' },
  save: { 'zh-TW': '儲存', en: 'Save' },
  saved: { 'zh-TW': '已儲存。', en: 'Saved.' },
  test: { 'zh-TW': '儲存並列印測試頁', en: 'Save and print a test page' },
  testSent: { 'zh-TW': '測試頁已送出至', en: 'Test page sent to' },
  loading: { 'zh-TW': '讀取印表機中…', en: 'Loading printers…' },
} as const;

export type PrinterTextKey = keyof typeof printerText;

/** The printer settings' words in the current language. */
export function usePrinterText(): (key: PrinterTextKey) => string {
  const locale: Locale = useLocale((s) => s.locale);
  return (key) => printerText[key][locale];
}
