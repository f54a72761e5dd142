import { useEffect, useState } from 'react';
import type { ScanFolderStatus } from '../../../../shared/ipc/contract';
import { getHost } from '../../host/host';
import { useLocale, type Locale } from '../../state/locale';

const text = {
  title: { 'zh-TW': '掃描資料夾（本櫃台）', en: 'Scan folder at this station' },
  intro: {
    'zh-TW': '掃描器存入此資料夾的檔案，可在案件的文件區一鍵匯入；匯入後移至其中的 imported 資料夾。',
    en: 'Files the scanner saves here can be imported into a case from its documents; once imported they move into its imported folder.',
  },
  folder: { 'zh-TW': '資料夾', en: 'Folder' },
  none: { 'zh-TW': '未設定', en: 'Not set' },
  choose: { 'zh-TW': '選擇資料夾…', en: 'Choose folder…' },
  clear: { 'zh-TW': '停止監看', en: 'Stop watching' },
  chosen: { 'zh-TW': '已設定掃描資料夾。', en: 'The scan folder is set.' },
  cleared: { 'zh-TW': '已停止監看掃描資料夾。', en: 'The scan folder is no longer watched.' },
} as const;

/**
 * The station's scan folder, chosen in the system's folder dialog and kept by the host (Electron only:
 * hidden where the host cannot watch folders). The renderer never types a path: the dialog is the only
 * way a folder is chosen.
 */
export function ScanFolderSettings() {
  const locale: Locale = useLocale((s) => s.locale);
  const t = (key: keyof typeof text) => text[key][locale];
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
      <legend>{t('title')}</legend>
      <p id="scan-folder-intro">{t('intro')}</p>
      <p>
        {t('folder')}: <span className="mono" data-testid="scan-folder-path">{status.folder ?? t('none')}</span>
      </p>
      <button type="button" disabled={busy} onClick={() => void change('files:choose-scan-folder', t('chosen'))}>
        {t('choose')}
      </button>
      {status.folder !== undefined && (
        <button type="button" disabled={busy} onClick={() => void change('files:clear-scan-folder', t('cleared'))}>
          {t('clear')}
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
