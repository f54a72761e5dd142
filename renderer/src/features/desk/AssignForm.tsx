import { useState } from 'react';
import { translateBoth, useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import { StepForm, type StepFormProps } from './StepForm';

/**
 * The chief gives the case to an officer of the unit. The device does not know every unit's officers,
 * so the username is typed; the server checks it names an officer of the unit and refuses otherwise.
 */
export function AssignForm({ busy, onStep, onCancel }: StepFormProps) {
  const t = useT();
  const [officer, setOfficer] = useState('');
  const [missing, setMissing] = useState(false);

  function submit() {
    const username = officer.trim();
    setMissing(username === '');
    if (username !== '') void onStep({ action: 'assign', officer: username });
  }

  return (
    <StepForm label={t('steps.assign')} submitLabel={t('steps.assign')} busy={busy} onSubmit={submit} onCancel={onCancel}>
      <LabelledField id="desk-assign-officer" label={t('steps.assignTo')} value={officer} onChange={setOfficer} autoFocus maxLength={64} error={missing ? translateBoth('steps.required') : undefined} />
    </StepForm>
  );
}
