import { useState, type FormEvent } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { FieldError } from '../../lib/FieldError';
import { translateBoth, useT } from '../../lib/i18n';
import { KioskCodeError, useSession } from '../../state/sessionState';
import { ApiError, NetworkError } from '../../sync/api';

/** Shown until the device holds a credential: exchanges an administrator's one-time code for one. */
export function EnrolDevice() {
  const t = useT();
  const enrol = useSession((s) => s.enrol);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [codeError, setCodeError] = useState<Bilingual>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setCodeError(undefined);
    try {
      await enrol(code, name);
    } catch (caught) {
      if (caught instanceof KioskCodeError) {
        setCodeError(translateBoth('enrol.kioskCode'));
        document.getElementById('enrol-code')?.focus();
      } else if (caught instanceof NetworkError) setError(t('enrol.unreachable', { reason: caught.message }));
      else if (caught instanceof ApiError) setError(t('enrol.refused', { reason: caught.message }));
      else setError(String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="enrol-title">
        <h2 id="enrol-title">{t('enrol.title')}</h2>
        <p>{t('enrol.intro')}</p>
        <label htmlFor="enrol-code">{t('enrol.code')}</label>
        <input
          id="enrol-code"
          name="code"
          autoComplete="off"
          autoFocus
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setCodeError(undefined);
          }}
          required
          maxLength={64}
          aria-invalid={codeError ? true : undefined}
          aria-describedby={codeError ? 'enrol-code-error' : undefined}
        />
        <FieldError id="enrol-code-error" message={codeError} />
        <label htmlFor="enrol-name">{t('enrol.name')}</label>
        <input id="enrol-name" name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('enrol.busy') : t('enrol.submit')}
        </button>
      </form>
    </main>
  );
}
