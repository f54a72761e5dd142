import { useState } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import type { DecisionFacts, Outcome } from '../../../../shared/schemas/caseDesk';
import { translateBoth, useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import { typedTextProblem } from '../../lib/typedTextProblem';
import { DateField } from '../dates/DateField';
import { StepForm, type StepFormProps } from './StepForm';

/**
 * The officer's proposal: approve or reject, the reasons the citizen will read, and what a grant
 * covers (for the decision letter and renewal reminders). Where the officer may decide at the
 * service's level the proposal is the decision (決行); otherwise it goes for approval (送核).
 */
export function ProposeForm({ decides, busy, onStep, onCancel }: StepFormProps & { decides: boolean }) {
  const t = useT();
  const [outcome, setOutcome] = useState<Outcome>('approve');
  const [reasons, setReasons] = useState('');
  const [facts, setFacts] = useState({ granted: '', fromPeriod: '', expiresOn: '' });
  const [errors, setErrors] = useState<Partial<Record<'reasons' | 'granted' | 'fromPeriod', Bilingual>>>({});

  function submit() {
    const said = reasons.trim();
    const found = {
      ...(said === '' ? { reasons: translateBoth('steps.required') } : pick('reasons', typedTextProblem(said, true))),
      ...pick('granted', typedTextProblem(facts.granted)),
      ...pick('fromPeriod', typedTextProblem(facts.fromPeriod)),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const given: DecisionFacts = {
      ...(facts.granted.trim() ? { granted: facts.granted.trim() } : {}),
      ...(facts.fromPeriod.trim() ? { fromPeriod: facts.fromPeriod.trim() } : {}),
      ...(facts.expiresOn ? { expiresOn: facts.expiresOn } : {}),
    };
    void onStep({ action: 'propose', outcome, reasons: said, ...(Object.keys(given).length > 0 ? { facts: given } : {}) });
  }

  return (
    <StepForm label={t('steps.propose')} submitLabel={decides ? t('steps.decide') : t('steps.sendForApproval')} busy={busy} onSubmit={submit} onCancel={onCancel}>
      <fieldset>
        <legend>{t('steps.outcome')}</legend>
        {(['approve', 'reject'] as const).map((value, index) => (
          <label key={value}>
            <input type="radio" name="desk-outcome" value={value} autoFocus={index === 0} checked={outcome === value} onChange={() => setOutcome(value)} /> {t(`steps.${value}`)}
          </label>
        ))}
      </fieldset>
      <LabelledField id="desk-reasons" label={t('steps.reasons')} value={reasons} onChange={setReasons} rows={3} maxLength={2000} error={errors.reasons} />
      {outcome === 'approve' && (
        <fieldset>
          <legend>{t('steps.facts')}</legend>
          <LabelledField id="desk-granted" label={t('steps.granted')} value={facts.granted} onChange={(granted) => setFacts({ ...facts, granted })} maxLength={300} error={errors.granted} />
          <LabelledField id="desk-from-period" label={t('steps.fromPeriod')} value={facts.fromPeriod} onChange={(fromPeriod) => setFacts({ ...facts, fromPeriod })} maxLength={60} error={errors.fromPeriod} />
          <DateField id="desk-expires-on" label={t('steps.expiresOn')} value={facts.expiresOn} onChange={(expiresOn) => setFacts({ ...facts, expiresOn })} />
        </fieldset>
      )}
    </StepForm>
  );
}

/** `{ [field]: problem }` when there is a problem, else nothing to spread. */
function pick<F extends string>(field: F, problem: Bilingual | undefined): Partial<Record<F, Bilingual>> {
  return problem ? ({ [field]: problem } as Partial<Record<F, Bilingual>>) : {};
}
