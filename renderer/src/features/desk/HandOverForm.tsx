import { useState } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import type { CaseAction } from '../../../../shared/schemas/caseDesk';
import { FieldError } from '../../lib/FieldError';
import { translateBoth, useT } from '../../lib/i18n';

type Method = 'pickup' | 'mail' | 'email';
const METHODS: readonly Method[] = ['pickup', 'mail', 'email'];

/** How the decided result reached the citizen: at the counter, by registered mail (its number) or by e-mail (the address). */
export function HandOverForm({ busy, onStep, onCancel }: { busy: boolean; onStep: (step: CaseAction) => Promise<boolean>; onCancel: () => void }) {
  const t = useT();
  const [method, setMethod] = useState<Method>('pickup');
  const [registerNo, setRegisterNo] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<Bilingual>();

  function submit() {
    const detail = method === 'mail' ? registerNo.trim() : method === 'email' ? email.trim() : '';
    const problem = method !== 'pickup' && detail === '' ? translateBoth('steps.required') : method === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(detail) ? translateBoth('steps.emailInvalid') : undefined;
    setError(problem);
    if (problem) return;
    void onStep({ action: 'hand-over', method, ...(method === 'mail' ? { registerNo: detail } : {}), ...(method === 'email' ? { email: detail } : {}) });
  }

  const detailId = method === 'mail' ? 'desk-register-no' : 'desk-handover-email';
  return (
    <form
      aria-label={t('steps.hand-over')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend>{t('steps.method')}</legend>
        {METHODS.map((value, index) => (
          <label key={value}>
            <input
              type="radio"
              name="desk-handover-method"
              value={value}
              autoFocus={index === 0}
              checked={method === value}
              onChange={() => {
                setMethod(value);
                setError(undefined);
              }}
            />{' '}
            {t(`steps.${value}`)}
          </label>
        ))}
      </fieldset>
      {method !== 'pickup' && (
        <div className="field">
          <label htmlFor={detailId}>{method === 'mail' ? t('steps.registerNo') : t('steps.emailAddress')}</label>
          <input
            id={detailId}
            type={method === 'email' ? 'email' : 'text'}
            autoComplete="off"
            maxLength={method === 'mail' ? 40 : 200}
            value={method === 'mail' ? registerNo : email}
            onChange={(event) => (method === 'mail' ? setRegisterNo(event.target.value) : setEmail(event.target.value))}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${detailId}-error` : undefined}
          />
          <FieldError id={`${detailId}-error`} message={error} />
        </div>
      )}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('steps.recordHandOver')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('steps.cancel')}
        </button>
      </div>
    </form>
  );
}
