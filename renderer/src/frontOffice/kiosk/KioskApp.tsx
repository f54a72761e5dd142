import { useCallback, useState } from 'react';
import { LanguageToggle } from '../LanguageToggle';
import { usePageLanguage } from '../pageLanguage';
import { readKioskCredential, saveKioskCredential, type KioskCredential } from './kioskCredential';
import { KioskEnrol } from './KioskEnrol';
import { KioskIssuer } from './KioskIssuer';
import type { KioskStorage } from './kioskStorage';

/**
 * The ticket kiosk at the entrance (/kiosk): touch screen, large type, Chinese or English. Until it
 * holds a kiosk credential it asks staff for the administrator's one-time kiosk code.
 */
export function KioskApp({ storage, origin }: { storage: KioskStorage; origin: string }) {
  const { locale, setLocale, t } = usePageLanguage('zh-TW');
  const [credential, setCredential] = useState<KioskCredential | undefined>(() => readKioskCredential(storage));
  const [blocked, setBlocked] = useState(false);

  const enrolled = (next: KioskCredential) => {
    saveKioskCredential(storage, next);
    setBlocked(false);
    setCredential(next);
  };
  const onBlocked = useCallback(() => setBlocked(true), []);
  const onKioskNo = useCallback(
    (kioskNo: number) => {
      setCredential((current) => {
        if (!current || current.kioskNo === kioskNo) return current;
        const next = { ...current, kioskNo };
        saveKioskCredential(storage, next);
        return next;
      });
    },
    [storage],
  );
  const onReset = useCallback(() => setLocale('zh-TW'), [setLocale]);

  return (
    <div className="kiosk">
      <header className="fo-header">
        <p className="fo-bureau">{t('bureau')}</p>
        <LanguageToggle locale={locale} onChange={setLocale} />
      </header>
      {credential && !blocked ? (
        <KioskIssuer t={t} locale={locale} credential={credential} storage={storage} origin={origin} onBlocked={onBlocked} onKioskNo={onKioskNo} onReset={onReset} />
      ) : (
        <KioskEnrol t={t} origin={origin} blocked={blocked} onEnrolled={enrolled} />
      )}
    </div>
  );
}
