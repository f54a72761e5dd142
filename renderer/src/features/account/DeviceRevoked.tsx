import { useEffect, useState } from 'react';
import { useT } from '../../lib/i18n';
import type { RevocationRecord } from '../../db/wipe';
import { loadRevocationExport } from '../../state/deviceRevocation';

/** The lock screen of a revoked device: why, and what became of its data. */
export function DeviceRevoked({ record }: { record: RevocationRecord }) {
  const t = useT();
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
      <h2 id="revoked-title">{t('revoked.title')}</h2>
      <p>{t('revoked.reason', { message: record.message })}</p>
      <p>{record.unsynced === 'kept' ? t('revoked.kept') : t('revoked.removed')}</p>
      {record.unsynced === 'exported' && <p>{t('revoked.exported')}</p>}
      {downloadUrl && (
        <a href={downloadUrl} download={`counterdesk-unsynced-${record.at.slice(0, 10)}.json`}>
          {t('revoked.download')}
        </a>
      )}
    </main>
  );
}
