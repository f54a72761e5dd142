import { useLocale } from '../../state/locale';
import { useSyncStatus } from '../../state/syncStatus';
import { describeError } from '../../lib/errorText';
import { useT } from '../../lib/i18n';

const MB = 1024 * 1024;

/**
 * Online / syncing with progress (cases and MB) / offline since when / errors, the number waiting,
 * an "upgrade required" notice, a warning when the device clock is off, and a way to sync now.
 */
export function SyncIndicator({ onSyncNow }: { onSyncNow: () => void }) {
  const locale = useLocale((s) => s.locale);
  const t = useT();
  const { connectivity, pending, offlineSince, lastError, progress, clockWarning, clockOffsetMs, attention } = useSyncStatus();
  const label =
    connectivity === 'syncing'
      ? progress && (progress.casesTotal > 0 || progress.bytesTotal > 0)
        ? `${t('syncing')} ${t('progress', {
            done: progress.casesDone,
            total: progress.casesTotal,
            mbDone: (progress.bytesDone / MB).toFixed(1),
            mbTotal: (progress.bytesTotal / MB).toFixed(1),
          })}`
        : t('syncing')
      : connectivity === 'offline'
        ? offlineSince
          ? t('offlineSince', { time: new Date(offlineSince).toLocaleString() })
          : t('offline')
        : connectivity === 'error'
          ? `${t('syncError')}: ${describeError(locale, lastError)}`
          : connectivity === 'upgrade-required'
            ? t('upgradeRequired')
            : connectivity === 'online'
              ? t('online')
              : '…';
  return (
    <div className="sync-indicator" data-state={connectivity} data-pending={pending}>
      <span role="status" aria-live="polite">
        {label}
        {pending > 0 && ` · ${t('pendingCount', { count: pending })}`}
        {attention && ` · ${t('pushAttention.short')}`}
      </span>
      {clockWarning && clockOffsetMs !== undefined && (
        <span role="alert" className="sync-clock-warning">
          {t('clockWarning', { minutes: Math.round(Math.abs(clockOffsetMs) / 60_000) })}
        </span>
      )}
      <button type="button" className="link-button" onClick={onSyncNow} disabled={connectivity === 'syncing'}>
        {t('syncNow')}
      </button>
    </div>
  );
}
