import { useState, type FormEvent } from 'react';
import { BothLanguages } from '../../lib/BothLanguages';
import { LabelledField } from '../../lib/LabelledField';
import type { Translate } from '../pageLanguage';
import { enrolFailure, enrolInputErrors, type EnrolErrors } from './enrolErrors';
import { enrolKiosk } from './kioskApi';
import type { KioskCredential } from './kioskCredential';

/**
 * The kiosk's first start (staff only): exchanges the administrator's one-time kiosk code for the
 * kiosk's credential. What was typed stays in the fields whatever the error.
 */
export function KioskEnrol({ t, origin, blocked, onEnrolled }: { t: Translate; origin: string; blocked: boolean; onEnrolled: (credential: KioskCredential) => void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<EnrolErrors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = enrolInputErrors({ code, name });
    setErrors(missing);
    if (missing.code || missing.name) return;
    setBusy(true);
    try {
      onEnrolled(await enrolKiosk(origin, { code: code.trim(), name: name.trim() }));
    } catch (error) {
      setErrors(enrolFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="kiosk-main kiosk-enrol" aria-labelledby="kiosk-enrol-title">
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="kiosk-enrol-title">
        <h1 id="kiosk-enrol-title">{t('kiosk.enrolTitle')}</h1>
        {blocked && <p className="kiosk-warning">{t('kiosk.blocked')}</p>}
        <p>{t('kiosk.enrolIntro')}</p>
        <LabelledField id="kiosk-code" label={t('kiosk.enrolCode')} value={code} onChange={setCode} error={errors.code} maxLength={64} autoFocus />
        <LabelledField id="kiosk-name" label={t('kiosk.enrolName')} hint={t('kiosk.enrolNameHint')} value={name} onChange={setName} error={errors.name} maxLength={100} />
        {errors.form && (
          <p role="alert" className="error">
            <BothLanguages text={errors.form} />
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('kiosk.enrolBusy') : t('kiosk.enrolSubmit')}
        </button>
      </form>
    </main>
  );
}
