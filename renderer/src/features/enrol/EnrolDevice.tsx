import { useState, type FormEvent } from 'react';
import { useLocale } from '../../state/locale';
import { useSession } from '../../state/sessionState';
import { ApiError, NetworkError } from '../../sync/api';

const text = {
  'zh-TW': {
    title: '註冊此裝置',
    intro: '請輸入系統管理員提供的一次性註冊碼，並為此電腦命名（例如「服務台 3」）。',
    code: '註冊碼',
    name: '裝置名稱',
    submit: '註冊',
    busy: '註冊中…',
    unreachable: '無法連線到伺服器',
    refused: '註冊失敗',
  },
  en: {
    title: 'Enrol this device',
    intro: 'Enter the one-time code an administrator gave you, and name this computer (e.g. "Counter 3").',
    code: 'Enrolment code',
    name: 'Device name',
    submit: 'Enrol',
    busy: 'Enrolling…',
    unreachable: 'Cannot reach the server',
    refused: 'Enrolment failed',
  },
} as const;

/** Shown until the device holds a credential: exchanges an administrator's one-time code for one. */
export function EnrolDevice() {
  const t = text[useLocale((s) => s.locale)];
  const enrol = useSession((s) => s.enrol);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await enrol(code, name);
    } catch (caught) {
      if (caught instanceof NetworkError) setError(`${t.unreachable}: ${caught.message}`);
      else if (caught instanceof ApiError) setError(`${t.refused}: ${caught.message}`);
      else setError(String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="enrol-title">
        <h2 id="enrol-title">{t.title}</h2>
        <p>{t.intro}</p>
        <label htmlFor="enrol-code">{t.code}</label>
        <input id="enrol-code" name="code" autoComplete="off" autoFocus value={code} onChange={(e) => setCode(e.target.value)} required maxLength={64} />
        <label htmlFor="enrol-name">{t.name}</label>
        <input id="enrol-name" name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t.busy : t.submit}
        </button>
      </form>
    </main>
  );
}
