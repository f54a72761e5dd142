import { useEffect, useState } from 'react';
import { defaultPrinterSettings, type PrinterSettings as Settings, type PrintTemplate } from '../../../../shared/ipc/contract';
import { getHost } from '../../host/host';
import { useLocale, type Locale } from '../../state/locale';
import { printerChoices, updateTemplate } from './printerSettingsForm';
import { ScanFolderSettings } from './ScanFolderSettings';

// Kept inline (not in lib/i18n) so the settings screen stays one self-contained feature.
const text = {
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

type Text = keyof typeof text;

const TEMPLATES: readonly PrintTemplate[] = ['receipt', 'notice'];

/**
 * The station's printer per template (receipt, A4 notice), chosen from the system's printers and kept by
 * the host. "Save and print a test page" stores the form first, so the test uses exactly what is shown.
 */
export function PrinterSettings() {
  const locale: Locale = useLocale((s) => s.locale);
  const t = (key: Text) => text[key][locale];
  const [printers, setPrinters] = useState<{ name: string; displayName: string; isDefault: boolean }[]>();
  const [settings, setSettings] = useState<Settings>(defaultPrinterSettings);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const host = getHost();
    void Promise.all([host['print:list-printers']({}), host['print:get-settings']({})]).then(([listed, stored]) => {
      if (cancelled) return;
      setPrinters(listed.ok ? listed.value : []);
      if (stored.ok) setSettings(stored.value);
      if (!listed.ok) setError(listed.message);
      else if (!stored.ok) setError(stored.message);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  async function save(): Promise<boolean> {
    setError(undefined);
    setStatus(undefined);
    const result = await getHost()['print:set-settings'](settings);
    if (!result.ok) {
      setError(result.message);
      return false;
    }
    setSettings(result.value);
    setStatus(t('saved'));
    return true;
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }

  const testPrint = (template: PrintTemplate) =>
    run(async () => {
      if (!(await save())) return;
      const result = await getHost()['print:test-page']({ template });
      if (result.ok) setStatus(`${t('testSent')} ${result.value.printer === '' ? t('systemDefault') : result.value.printer}`);
      else setError(result.message);
    });

  if (printers === undefined) return <p role="status">{t('loading')}</p>;

  return (
    <section className="printer-settings" aria-labelledby="printer-settings-title">
      <h2 id="printer-settings-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      {TEMPLATES.map((template) => {
        const current = settings[template];
        const id = `printer-${template}`;
        const choices = printerChoices(printers, current.printer, { systemDefault: t('systemDefault'), notInstalled: t('notInstalled') });
        const named = current.printer !== undefined;
        return (
          <fieldset key={template} data-template={template}>
            <legend>{t(template)}</legend>
            <label htmlFor={id}>{t('printer')}</label>
            <select
              id={id}
              value={current.printer ?? ''}
              aria-invalid={choices.some((choice) => choice.missing && choice.value === current.printer)}
              onChange={(event) => setSettings(updateTemplate(settings, template, { printer: event.target.value }))}
            >
              {choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
            <label>
              <input
                type="checkbox"
                checked={current.silent}
                disabled={!named}
                onChange={(event) => setSettings(updateTemplate(settings, template, { silent: event.target.checked }))}
              />
              {t('silent')}
            </label>
            {template === 'receipt' && (
              <>
                <label htmlFor="printer-receipt-mode">{t('mode')}</label>
                <select
                  id="printer-receipt-mode"
                  value={current.mode}
                  disabled={!named}
                  onChange={(event) => setSettings(updateTemplate(settings, 'receipt', { mode: event.target.value === 'escpos' ? 'escpos' : 'page' }))}
                >
                  <option value="page">{t('modePage')}</option>
                  <option value="escpos">{t('modeEscpos')}</option>
                </select>
                {current.mode === 'escpos' && (
                  <>
                    <label htmlFor="printer-receipt-encoding">{t('encoding')}</label>
                    <select
                      id="printer-receipt-encoding"
                      value={current.escposEncoding}
                      onChange={(event) =>
                        setSettings(updateTemplate(settings, 'receipt', { escposEncoding: event.target.value === 'utf8' ? 'utf8' : 'big5' }))
                      }
                    >
                      <option value="big5">{t('big5')}</option>
                      <option value="utf8">{t('utf8')}</option>
                    </select>
                  </>
                )}
              </>
            )}
            <button type="button" disabled={busy} onClick={() => void testPrint(template)}>
              {t('test')}
            </button>
          </fieldset>
        );
      })}
      <button type="button" disabled={busy} onClick={() => void run(async () => void (await save()))}>
        {t('save')}
      </button>
      {status && <p role="status">{status}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ScanFolderSettings />
    </section>
  );
}
