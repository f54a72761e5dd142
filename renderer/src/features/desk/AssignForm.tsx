import { useState } from 'react';
import { translateBoth, useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import type { ApiOptions } from '../../sync/api';
import { StepForm, type StepFormProps } from './StepForm';
import { useUnitOfficers, type UnitOfficers } from './useUnitOfficers';

/** Why the officers are not offered, said under the typed username. */
function whyTyped(officers: UnitOfficers, t: ReturnType<typeof useT>): string | undefined {
  if (officers.kind === 'offline') return t('steps.officersOffline');
  if (officers.kind === 'failed') return t('steps.officersFailed', { message: officers.message });
  if (officers.kind === 'listed' && officers.choices.length === 0) return t('steps.officersNone');
  return undefined;
}

/**
 * The chief gives the case to an officer of its unit, chosen from the unit's officers as the server
 * lists them. Offline, or when the list cannot be had, the username is typed instead and the form says
 * why; the step is kept and the server checks it names an officer of the unit, refusing otherwise.
 */
export function AssignForm({ unit, api, busy, onStep, onCancel }: StepFormProps & { unit: string; api: ApiOptions | undefined }) {
  const t = useT();
  const officers = useUnitOfficers(api, unit);
  const [officer, setOfficer] = useState('');
  const [missing, setMissing] = useState(false);
  const error = missing ? translateBoth('steps.required') : undefined;
  const choices = officers.kind === 'listed' ? officers.choices : [];

  function submit() {
    const username = officer.trim();
    setMissing(username === '');
    if (username !== '') void onStep({ action: 'assign', officer: username });
  }

  return (
    <StepForm label={t('steps.assign')} submitLabel={t('steps.assign')} busy={busy || officers.kind === 'loading'} onSubmit={submit} onCancel={onCancel}>
      {officers.kind === 'loading' ? (
        <p role="status">{t('steps.officersLoading')}</p>
      ) : choices.length > 0 ? (
        <LabelledField id="desk-assign-officer" label={t('steps.assignOfficer')} value={officer} onChange={setOfficer} autoFocus options={choices} placeholder={t('steps.chooseOfficer')} error={error} />
      ) : (
        <LabelledField id="desk-assign-officer" label={t('steps.assignTo')} hint={whyTyped(officers, t)} value={officer} onChange={setOfficer} autoFocus maxLength={64} error={error} />
      )}
    </StepForm>
  );
}
