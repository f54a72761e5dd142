import { useState, type FormEvent } from 'react';
import { useDescribeError } from '../../lib/errorText';
import { useLocale, useT } from '../../lib/i18n';
import { OfflineSignInError, useSession } from '../../state/sessionState';
import { ApiError, NetworkError } from '../../sync/api';

/** Why an offline sign-in (server unreachable) was refused, and what to do. */
const offlineMessage = {
  'zh-TW': {
    'no-grant': '無法連線到伺服器，且此帳號未曾在本機連線登入：請在連線時登入。',
    expired: '離線登入期限已過：請在連線時重新登入。',
    locked: '離線登入失敗次數過多，帳號在本機暫時鎖定：請 15 分鐘後再試，或在連線時登入。',
    'wrong-password': '帳號或密碼錯誤（離線登入）。',
    'other-device': '此帳號的離線授權屬於另一台裝置：請在連線時登入。',
  },
  en: {
    'no-grant': 'The server cannot be reached and this user has not signed in online on this device: sign in while online.',
    expired: 'The offline sign-in period has ended: sign in again while online.',
    locked: 'Too many failed offline sign-ins: locked on this device for 15 minutes, or sign in while online.',
    'wrong-password': 'Wrong username or password (offline sign-in).',
    'other-device': "This user's offline grant belongs to another device: sign in while online.",
  },
} as const;

export function SignIn() {
  const t = useT();
  const describeError = useDescribeError();
  const locale = useLocale((s) => s.locale);
  const signIn = useSession((s) => s.signIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
    } catch (caught) {
      if (caught instanceof OfflineSignInError) setError(offlineMessage[locale][caught.reason]);
      else if (caught instanceof NetworkError) setError(t('serverUnreachableAtSignIn'));
      else if (caught instanceof ApiError && caught.code === 'unauthorized') setError(t('signInWrongPassword'));
      else setError(`${t('signInFailed')}：${describeError(caught)}`);
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
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>
  );
}
