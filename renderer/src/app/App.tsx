import { useEffect, useState } from 'react';
import { getHost } from '../host/host';
import { useT } from '../lib/i18n';
import { useLocale } from '../state/locale';
import { useSession } from '../state/sessionState';
import { SignIn } from '../features/signin/SignIn';
import { EnrolDevice } from '../features/enrol/EnrolDevice';
import { DeviceRevoked } from '../features/account/DeviceRevoked';
import { Workspace } from './Workspace';
import { LockScreen } from '../features/lock/LockScreen';
import { useDataLock } from '../state/dataKey';
import { useAutoLock } from '../state/autoLock';
import { CustomerDisplay } from '../features/customer/CustomerDisplay';
import { CUSTOMER_HASH } from '../lib/customerDisplay';

/** The customer-facing display is this same app opened at #/customer; it needs no sign-in. */
export function App() {
  if (window.location.hash === CUSTOMER_HASH) return <CustomerDisplay />;
  return <ClerkApp />;
}

/** Loads the host's configuration, then shows sign-in or the clerk's workspace. */
function ClerkApp() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const { ready, session, lockedAs, init, device, revoked, configError } = useSession();
  const [fatal, setFatal] = useState<string>();
  // Taxpayer data is readable only while unlocked: the workspace (and its sync) runs only then.
  const unlocked = useDataLock((s) => s.unlocked);
  useAutoLock(Boolean(session) && unlocked);

  useEffect(() => {
    void (async () => {
      const result = await getHost()['host:get-config']({});
      if (!result.ok) {
        setFatal(result.message);
        return;
      }
      await init(result.value);
    })();
  }, [init]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>
          {t('appName')} <span className="app-name-other">{t('appNameOther')}</span>
        </h1>
        <button type="button" className="link-button" onClick={() => setLocale(locale === 'en' ? 'zh-TW' : 'en')} lang={locale === 'en' ? 'zh-Hant-TW' : 'en'}>
          {t('switchLanguage')}
        </button>
      </header>
      {fatal || configError ? (
        <div role="alert" className="error">
          <p>{t('configProblem')}</p>
          <p>
            <code>{fatal ?? configError}</code>
          </p>
        </div>
      ) : !ready ? (
        <p role="status">…</p>
      ) : revoked ? (
        <DeviceRevoked record={revoked} />
      ) : !device ? (
        <EnrolDevice />
      ) : (session && !unlocked) || (lockedAs && !session) ? (
        <LockScreen />
      ) : session ? (
        <Workspace />
      ) : (
        <SignIn />
      )}
    </div>
  );
}
