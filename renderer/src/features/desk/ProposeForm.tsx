import { useState } from 'react';
import type { CaseAction, DecisionFacts, Outcome } from '../../../../shared/schemas/caseDesk';
import { FieldError } from '../../lib/FieldError';
import { translateBoth, useT } from '../../lib/i18n';
import { DateField } from '../dates/DateField';

/**
 * The officer's proposal: approve or reject, the reasons the citizen will read, and what a grant
 * covers (for the decision letter and renewal reminders). Where the officer may decide at the
 * service's level the proposal is the decision (決行); otherwise it goes for approval (送核).
 */
export function ProposeForm({ decides, busy, onStep, onCancel }: { decides: boolean; busy: boolean; onStep: (step: CaseAction) => Promise<boolean>; onCancel: () => void }) {
  const t = useT();
  const [outcome, setOutcome] = useState<Outcome>('approve');
  const [reasons, setReasons] = useState('');
  const [facts, setFacts] = useState({ granted: '', fromPeriod: '', expiresOn: '' });
  const [missing, setMissing] = useState(false);

  function submit() {
    const said = reasons.trim();
    setMissing(said === '');
    if (said === '') return;
    const given: DecisionFacts = {
      ...(facts.granted.trim() ? { granted: facts.granted.trim() } : {}),
      ...(facts.fromPeriod.trim() ? { fromPeriod: facts.fromPeriod.trim() } : {}),
      ...(facts.expiresOn ? { expiresOn: facts.expiresOn } : {}),
    };
    void onStep({ action: 'propose', outcome, reasons: said, ...(Object.keys(given).length > 0 ? { facts: given } : {}) });
  }

  return (
    <form
      aria-label={t('steps.propose')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend>{t('steps.outcome')}</legend>
        {(['approve', 'reject'] as const).map((value, index) => (
          <label key={value}>
            <input type="radio" name="desk-outcome" value={value} autoFocus={index === 0} checked={outcome === value} onChange={() => setOutcome(value)} /> {t(`steps.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="desk-reasons">{t('steps.reasons')}</label>
        <textarea
          id="desk-reasons"
          rows={3}
          maxLength={2000}
          value={reasons}
          onChange={(event) => setReasons(event.target.value)}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? 'desk-reasons-error' : undefined}
        />
        <FieldError id="desk-reasons-error" message={missing ? translateBoth('steps.required') : undefined} />
      </div>
      {outcome === 'approve' && (
        <fieldset>
          <legend>{t('steps.facts')}</legend>
          <div className="field">
            <label htmlFor="desk-granted">{t('steps.granted')}</label>
            <input id="desk-granted" maxLength={300} value={facts.granted} onChange={(event) => setFacts({ ...facts, granted: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="desk-from-period">{t('steps.fromPeriod')}</label>
            <input id="desk-from-period" maxLength={60} value={facts.fromPeriod} onChange={(event) => setFacts({ ...facts, fromPeriod: event.target.value })} />
          </div>
          <DateField id="desk-expires-on" label={t('steps.expiresOn')} value={facts.expiresOn} onChange={(expiresOn) => setFacts({ ...facts, expiresOn })} />
        </fieldset>
      )}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {decides ? t('steps.decide') : t('steps.sendForApproval')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('steps.cancel')}
        </button>
      </div>
    </form>
  );
}
