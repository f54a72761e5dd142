import { useEffect, useState } from 'react';
import { defaultPrinterSettings, type PrinterSettings as Settings, type PrintTemplate } from '../../../../shared/ipc/contract';
import { getHost } from '../../host/host';
import { PrinterTemplateFields } from './PrinterTemplateFields';
import { usePrinterText } from './printerText';
import { ScanFolderSettings } from './ScanFolderSettings';

const TEMPLATES: readonly PrintTemplate[] = ['receipt', 'notice'];

/**
 * The station's printer per template (receipt, A4 notice), chosen from the system's printers and kept by
 * the host. "Save and print a test page" stores the form first, so the test uses exactly what is shown.
 */
export function PrinterSettings() {
  const t = usePrinterText();
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
      {TEMPLATES.map((template) => (
        <PrinterTemplateFields key={template} template={template} printers={printers} settings={settings} onSettings={setSettings} busy={busy} onTest={() => void testPrint(template)} />
      ))}
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
