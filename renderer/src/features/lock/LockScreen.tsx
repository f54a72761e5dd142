import { useState, type FormEvent } from 'react';
import { BothLanguages } from '../../lib/BothLanguages';
import { translateBoth, useT, type MessageKey } from '../../lib/i18n';
import { useDataLock } from '../../state/dataKey';
import { useSession } from '../../state/sessionState';

/** Wrong passwords at the lock screen before it signs the user out (as many as offline sign-in allows). */
export const UNLOCK_ATTEMPT_LIMIT = 10;

/** Both languages at once: the person at the keyboard may not be the one who chose the interface language. */
function Bilingual({ id, message }: { id?: string; message: MessageKey }) {
  return (
    <p id={id} role="alert" className="error">
      <BothLanguages text={translateBoth(message)} />
    </p>
  );
}

/**
 * Shown instead of the workspace while the device is locked (auto-lock, "Lock", and after every
 * restart, docs/decisions/0034): the signed-in user's password unlocks offline by unwrapping their copy
 * of the data key; a session that expired meanwhile (by the device clock) goes to the sign-in form. Enter unlocks. An intake draft survives, autosaved, and reopens with the workspace.
 * "Sign in as another user" ends this user's session (their drafts stay sealed on the device) and
 * shows the sign-in form: a supervisor walking up to a clerk's locked PC signs in as themselves.
 */
export function LockScreen() {
  const t = useT();
  const session = useSession((s) => s.session);
  const lockedAs = useSession((s) => s.lockedAs);
  const unlock = useSession((s) => s.unlock);
  const signOut = useSession((s) => s.signOut);
  const { host, failure } = useDataLock();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey>();
  const [attempts, setAttempts] = useState(0);

  // After a restart only who was signed in is known; the session itself opens with the password.
  const user = session?.user ?? lockedAs;
  if (!user) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password === '') {
      setError('lockPasswordRequired');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await unlock(password);
      if (result.ok) return;
      if (result.reason === 'no-copy') {
        setError('lockNoCopy');
        return;
      }
      const failures = attempts + 1;
      setAttempts(failures);
      setPassword('');
      if (failures >= UNLOCK_ATTEMPT_LIMIT) {
        // Guessing stops here: the next try is a full sign-in, with the server's (or the offline grant's) lock-out.
        await signOut();
        return;
      }
      setError('lockWrongPassword');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in lock-screen">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="lock-title" noValidate>
        <h2 id="lock-title">{t('lockTitle')}</h2>
        <p>{t('lockExplain', { name: user.displayName })}</p>
        {failure === 'no-copy' || failure === 'needs-server' ? (
          <Bilingual message={failure === 'no-copy' ? 'lockNoCopy' : 'lockNeedsServer'} />
        ) : (
          <>
            <label htmlFor="unlock-password">{t('password')}</label>
            <input
              id="unlock-password"
              name="password"
              type="password"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={error !== undefined}
              aria-describedby={error ? 'unlock-error' : undefined}
            />
            {error && <Bilingual id="unlock-error" message={error} />}
            <button type="submit" disabled={busy} aria-keyshortcuts="Enter">
              {busy ? t('lockUnlocking') : t('lockUnlock')} <kbd>Enter</kbd>
            </button>
          </>
        )}
        {host && !host.protectsAtRest && (
          <p className="hint">
            {t('lockHostUnprotected')}
          </p>
        )}
        <button type="button" className="link-button" onClick={() => void signOut()} aria-describedby="switch-user-hint">
          {t('lockSwitchUser')}
        </button>
        <p id="switch-user-hint" className="hint">
          {t('lockSwitchUserHint', { name: user.displayName })}
        </p>
      </form>
    </main>
  );
}
