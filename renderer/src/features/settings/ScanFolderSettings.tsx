import { useEffect, useState } from 'react';
import type { ScanFolderStatus } from '../../../../shared/ipc/contract';
import { getHost } from '../../host/host';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';

/**
 * The station's scan folder, chosen in the system's folder dialog and kept by the host (Electron only:
 * hidden where the host cannot watch folders). The renderer never types a path: the dialog is the only
 * way a folder is chosen.
 */
export function ScanFolderSettings() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [status, setStatus] = useState<ScanFolderStatus>();
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void getHost()['files:scan-folder-status']({}).then((result) => {
      if (!cancelled && result.ok) setStatus(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  async function change(channel: 'files:choose-scan-folder' | 'files:clear-scan-folder', done: string) {
    setBusy(true);
    setNote(undefined);
    setError(undefined);
    try {
      const result = await getHost()[channel]({});
      if (result.ok) {
        setStatus(result.value);
        setNote(done);
      } else if (result.code !== 'cancelled') {
        setError(result.message);
      }
    } finally {
      setBusy(false);
    }
  }

  if (!status?.available) return null;
  return (
    <fieldset className="scan-folder-settings" aria-describedby="scan-folder-intro">
      <legend>{t('scanFolder.title')}</legend>
      <p id="scan-folder-intro">{t('scanFolder.intro')}</p>
      <p>
        {t('scanFolder.folder')}: <span className="mono" data-testid="scan-folder-path">{status.folder ?? t('scanFolder.none')}</span>
      </p>
      <button type="button" disabled={busy} onClick={() => void change('files:choose-scan-folder', t('scanFolder.chosen'))}>
        {t('scanFolder.choose')}
      </button>
      {status.folder !== undefined && (
        <button type="button" disabled={busy} onClick={() => void change('files:clear-scan-folder', t('scanFolder.cleared'))}>
          {t('scanFolder.clear')}
        </button>
      )}
      {status.problem && (
        <p role="alert" className="error">
          {status.problem[locale === 'en' ? 'en' : 'zh']}
        </p>
      )}
      {note && <p role="status">{note}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
