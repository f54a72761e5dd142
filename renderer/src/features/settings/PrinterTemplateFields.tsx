import type { PrinterSettings, PrintTemplate } from '../../../../shared/ipc/contract';
import { printerChoices, updateTemplate } from './printerSettingsForm';
import { usePrinterText } from './printerText';

export interface PrinterTemplateFieldsProps {
  template: PrintTemplate;
  printers: readonly { name: string; displayName: string; isDefault: boolean }[];
  settings: PrinterSettings;
  onSettings: (settings: PrinterSettings) => void;
  busy: boolean;
  onTest: () => void;
}

/** One template's printer, silent printing, and for the receipt the ESC/POS mode and its encoding. */
export function PrinterTemplateFields({ template, printers, settings, onSettings, busy, onTest }: PrinterTemplateFieldsProps) {
  const t = usePrinterText();
  const current = settings[template];
  const id = `printer-${template}`;
  const choices = printerChoices(printers, current.printer, { systemDefault: t('systemDefault'), notInstalled: t('notInstalled') });
  const named = current.printer !== undefined;
  return (
    <fieldset data-template={template}>
      <legend>{t(template)}</legend>
      <label htmlFor={id}>{t('printer')}</label>
      <select
        id={id}
        value={current.printer ?? ''}
        aria-invalid={choices.some((choice) => choice.missing && choice.value === current.printer)}
        onChange={(event) => onSettings(updateTemplate(settings, template, { printer: event.target.value }))}
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
          onChange={(event) => onSettings(updateTemplate(settings, template, { silent: event.target.checked }))}
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
            onChange={(event) => onSettings(updateTemplate(settings, 'receipt', { mode: event.target.value === 'escpos' ? 'escpos' : 'page' }))}
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
                  onSettings(updateTemplate(settings, 'receipt', { escposEncoding: event.target.value === 'utf8' ? 'utf8' : 'big5' }))
                }
              >
                <option value="big5">{t('big5')}</option>
                <option value="utf8">{t('utf8')}</option>
              </select>
            </>
          )}
        </>
      )}
      <button type="button" disabled={busy} onClick={onTest}>
        {t('test')}
      </button>
    </fieldset>
  );
}
