import { useState } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { translateBoth, useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import { typedTextProblem } from '../../lib/typedTextProblem';
import { StepForm, type StepFormProps } from './StepForm';

type Method = 'pickup' | 'mail' | 'email';
const METHODS: readonly Method[] = ['pickup', 'mail', 'email'];

/** How the decided result reached the citizen: at the counter, by registered mail (its number) or by e-mail (the address). */
export function HandOverForm({ busy, onStep, onCancel }: StepFormProps) {
  const t = useT();
  const [method, setMethod] = useState<Method>('pickup');
  const [registerNo, setRegisterNo] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<Bilingual>();

  function submit() {
    const detail = method === 'mail' ? registerNo.trim() : method === 'email' ? email.trim() : '';
    const problem = method !== 'pickup' && detail === '' ? translateBoth('steps.required') : method === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(detail) ? translateBoth('steps.emailInvalid') : typedTextProblem(detail);
    setError(problem);
    if (problem) return;
    void onStep({ action: 'hand-over', method, ...(method === 'mail' ? { registerNo: detail } : {}), ...(method === 'email' ? { email: detail } : {}) });
  }

  return (
    <StepForm label={t('steps.hand-over')} submitLabel={t('steps.recordHandOver')} busy={busy} onSubmit={submit} onCancel={onCancel}>
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
      {method === 'mail' && <LabelledField id="desk-register-no" label={t('steps.registerNo')} value={registerNo} onChange={setRegisterNo} maxLength={40} error={error} />}
      {method === 'email' && <LabelledField id="desk-handover-email" label={t('steps.emailAddress')} value={email} onChange={setEmail} maxLength={200} error={error} extra={{ type: 'email' }} />}
    </StepForm>
  );
}
