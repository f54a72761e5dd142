import { useState } from 'react';
import type { CaseAction } from '../../../../shared/schemas/caseDesk';
import { FieldError } from '../../lib/FieldError';
import { translateBoth, useT } from '../../lib/i18n';

/**
 * The chief gives the case to an officer of the unit. The device does not know every unit's officers,
 * so the username is typed; the server checks it names an officer of the unit and refuses otherwise.
 */
export function AssignForm({ busy, onStep, onCancel }: { busy: boolean; onStep: (step: CaseAction) => Promise<boolean>; onCancel: () => void }) {
  const t = useT();
  const [officer, setOfficer] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      aria-label={t('steps.assign')}
      onSubmit={(event) => {
        event.preventDefault();
        const username = officer.trim();
        setMissing(username === '');
        if (username !== '') void onStep({ action: 'assign', officer: username });
      }}
    >
      <div className="field">
        <label htmlFor="desk-assign-officer">{t('steps.assignTo')}</label>
        <input
          id="desk-assign-officer"
          autoFocus
          autoComplete="off"
          maxLength={64}
          value={officer}
          onChange={(event) => setOfficer(event.target.value)}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? 'desk-assign-officer-error' : undefined}
        />
        <FieldError id="desk-assign-officer-error" message={missing ? translateBoth('steps.required') : undefined} />
      </div>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('steps.assign')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('steps.cancel')}
        </button>
      </div>
    </form>
  );
}
