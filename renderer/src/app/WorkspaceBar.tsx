import { SyncIndicator } from '../features/sync/SyncIndicator';
import { useDescribeError } from '../lib/errorText';
import { useT } from '../lib/i18n';
import { lockNow } from '../state/dataKey';
import { useSession } from '../state/sessionState';
import { useUpdateNote } from './updateNote';

export interface WorkspaceBarProps {
  displayName: string;
  stationCode: string;
  /** False for a person who works on no cases (the administrator): no case sync and no customer display. */
  syncsCases: boolean;
  onSyncNow: () => void;
  onOpenCustomerDisplay: () => void;
  /** A message for the workspace's notice line (a failed sign-out everywhere). */
  onNotice: (notice: string) => void;
}

/** Who is signed in at which station, sync state, a pending update, the customer display, lock and sign-out. */
export function WorkspaceBar({ displayName, stationCode, syncsCases, onSyncNow, onOpenCustomerDisplay, onNotice }: WorkspaceBarProps) {
  const t = useT();
  const describeError = useDescribeError();
  const signOut = useSession((s) => s.signOut);
  const updateNote = useUpdateNote();
  return (
    <section className="workspace-bar" aria-label={t('station')}>
      <span>
        {t('signedInAs')}: {displayName} · {t('station')}: {stationCode}
      </span>
      {syncsCases && <SyncIndicator onSyncNow={onSyncNow} />}
      {updateNote && (
        <span className="update-note" role="status">
          {t(updateNote.key, { version: updateNote.version })}
        </span>
      )}
      {syncsCases && (
        <button type="button" className="link-button" onClick={onOpenCustomerDisplay} aria-keyshortcuts="Alt+K">
          {t('openCustomerDisplay')} <kbd>Alt+K</kbd>
        </button>
      )}
      <button type="button" className="link-button" onClick={() => void lockNow()} aria-keyshortcuts="Alt+Q">
        {t('lockNow')} <kbd>Alt+Q</kbd>
      </button>
      <button type="button" className="link-button" onClick={() => void signOut()}>
        {t('signOut')}
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() =>
          void useSession
            .getState()
            .signOutEverywhere()
            .catch((error: unknown) => onNotice(`${t('signOutEverywhereFailed')}: ${describeError(error)}`))
        }
      >
        {t('signOutEverywhere')}
      </button>
    </section>
  );
}
