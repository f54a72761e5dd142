import { useEffect, useState } from 'react';
import { useLocale } from '../../state/locale';
import type { RevocationRecord } from '../../db/wipe';
import { loadRevocationExport } from '../../state/deviceRevocation';

const text = {
  'zh-TW': {
    title: '此裝置已被停用',
    removed: '依規定，本機的稅務資料已清除。',
    exported: '尚未同步的工作已加密匯出，只有系統管理員能開啟。請下載後交給系統管理員。',
    kept: '本機仍有尚未同步的工作；因未設定復原金鑰，這些資料沒有被刪除。請立即聯絡系統管理員。',
    download: '下載加密匯出檔',
    reason: '伺服器說明',
  },
  en: {
    title: 'This device has been revoked',
    removed: 'As required, the taxpayer data on this computer has been removed.',
    exported: 'Work that had not been synced was exported, encrypted so that only an administrator can open it. Download it and hand it to an administrator.',
    kept: 'This computer still holds work that was not synced; without a recovery key it was not removed. Contact an administrator now.',
    download: 'Download the encrypted export',
    reason: "The server's reason",
  },
} as const;

/** The lock screen of a revoked device: why, and what became of its data. */
export function DeviceRevoked({ record }: { record: RevocationRecord }) {
  const t = text[useLocale((s) => s.locale)];
  const [downloadUrl, setDownloadUrl] = useState<string>();

  useEffect(() => {
    let url: string | undefined;
    void loadRevocationExport().then((exported) => {
      if (!exported) return;
      url = URL.createObjectURL(new Blob([JSON.stringify(exported)], { type: 'application/json' }));
      setDownloadUrl(url);
    });
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, []);

  return (
    <main className="sign-in" role="alert" aria-labelledby="revoked-title">
      <h2 id="revoked-title">{t.title}</h2>
      <p>
        {t.reason}: {record.message}
      </p>
      <p>{record.unsynced === 'kept' ? t.kept : t.removed}</p>
      {record.unsynced === 'exported' && <p>{t.exported}</p>}
      {downloadUrl && (
        <a href={downloadUrl} download={`counterdesk-unsynced-${record.at.slice(0, 10)}.json`}>
          {t.download}
        </a>
      )}
    </main>
  );
}
