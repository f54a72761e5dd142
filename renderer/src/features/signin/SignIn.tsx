import { useState, type FormEvent } from 'react';
import { BothLanguages } from '../../lib/BothLanguages';
import { useDescribeError } from '../../lib/errorText';
import { translateBoth, useT } from '../../lib/i18n';
import { DeviceSecretSealedError, OfflineSignInError, useSession, type OfflineRefusal } from '../../state/sessionState';
import { ApiError, NetworkError } from '../../sync/api';

/**
 * What went wrong, in words. An offline refusal (server unreachable) says why and what to do, shown in
 * both languages: the person at a shared counter PC may not be the one who chose the interface language.
 */
type SignInError = { text: string } | { offline: OfflineRefusal } | { sealed: true };

export function SignIn() {
  const t = useT();
  const describeError = useDescribeError();
  const signIn = useSession((s) => s.signIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SignInError>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
    } catch (caught) {
      if (caught instanceof OfflineSignInError) setError({ offline: caught.reason });
      else if (caught instanceof DeviceSecretSealedError) setError({ sealed: true });
      else if (caught instanceof NetworkError) setError({ text: t('serverUnreachableAtSignIn') });
      else if (caught instanceof ApiError && caught.code === 'unauthorized') setError({ text: t('signInWrongPassword') });
      else setError({ text: `${t('signInFailed')}：${describeError(caught)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{t('signInTitle')}</h2>
        <label htmlFor="username">{t('username')}</label>
        <input id="username" name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} required />
        <label htmlFor="password">{t('password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        {error && (
          <p role="alert" className="error">
            {'text' in error ? error.text : <BothLanguages text={translateBoth('sealed' in error ? 'device.secretSealed' : `offlineSignIn.${error.offline}`)} />}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>
  );
}
