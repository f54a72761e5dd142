import { useCallback, useEffect, useState } from 'react';
import type { ScanFolderStatus } from '../../../../shared/ipc/contract';
import { getHost } from '../../host/host';
import { useAltShortcuts } from '../../lib/shortcuts';
import { BilingualMessage } from './BilingualMessage';
import { formatText, type BilingualText } from './documentMessages';
import { takeScans } from './takeScans';

/** How often the panel asks the host what waits in the scan folder while it is shown. */
const SCAN_STATUS_POLL_MS = 2000;

/**
 * Imports what the station's scanner saved into its scan folder (Electron only; the folder is chosen in
 * the printer and scanner settings). The host hands each finished scan over once, whole; it then goes
 * through `onFiles` like a dropped or chosen file, so it is validated and stored the same way.
 * Nothing shows when the host cannot watch a folder (the browser) or no folder is set.
 */
export function ScanFolderImport({ onFiles, disabled = false }: { onFiles: (files: File[]) => Promise<void> | void; disabled?: boolean }) {
  const [status, setStatus] = useState<ScanFolderStatus>();
  const [importing, setImporting] = useState<number>();
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: BilingualText }>();

  const refresh = useCallback(async () => {
    const result = await getHost()['files:scan-folder-status']({});
    setStatus(result.ok ? result.value : undefined);
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    let cancelled = false;
    const ask = () =>
      getHost()['files:scan-folder-status']({}).then((result) => {
        const value = result.ok ? result.value : undefined;
        if (!cancelled) setStatus(value);
        return value;
      });
    void ask().then((first) => {
      // Poll only where there is a folder to watch.
      if (!cancelled && first?.available && first.folder !== undefined) timer = setInterval(() => void ask(), SCAN_STATUS_POLL_MS);
    });
    return () => {
      cancelled = true;
      if (timer !== undefined) clearInterval(timer);
    };
  }, []);

  const ready = status?.ready ?? 0;
  const canImport = !disabled && importing === undefined && ready > 0;

  async function importScans(): Promise<void> {
    if (!canImport) return;
    setMessage(undefined);
    setImporting(0);
    try {
      const { files, refused, problem } = await takeScans(getHost(), setImporting);
      if (refused.length > 0) setMessage({ tone: 'error', text: formatText('scansRefused', { names: refused.join('、') }) });
      // A failed read matters more than a refused file: it may leave scans behind.
      if (problem !== undefined) setMessage({ tone: 'error', text: problem });
      if (files.length > 0) await onFiles(files);
    } finally {
      setImporting(undefined);
      void refresh();
    }
  }

  useAltShortcuts({ m: canImport ? () => void importScans() : undefined });

  if (!status?.available || status.folder === undefined) return null;
  return (
    <div className="scan-folder-import" data-testid="scan-folder-import">
      <button type="button" onClick={() => void importScans()} disabled={!canImport} aria-keyshortcuts="Alt+M">
        匯入掃描檔 Import scans（{ready}） <kbd>Alt+M</kbd>
      </button>
      <span role="status">
        {importing !== undefined
          ? `匯入中… Importing… ${importing}`
          : status.writing > 0
            ? `掃描中 ${status.writing} 個檔案 · ${status.writing} still being scanned`
            : `掃描資料夾 Scan folder: ${status.folder}`}
      </span>
      {status.problem && <BilingualMessage tone="warning" text={status.problem} />}
      {message && <BilingualMessage tone={message.tone} text={message.text} />}
    </div>
  );
}
