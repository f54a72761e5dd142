import type { ReactNode } from 'react';
import type { CaseAction } from '../../../../shared/schemas/caseDesk';
import { useT } from '../../lib/i18n';

/** What the case's panel (CaseSteps) gives every step's form. */
export interface StepFormProps {
  /** A step is being stored: the form cannot be sent again meanwhile. */
  busy: boolean;
  /** Takes the step; true once it is stored. */
  onStep: (step: CaseAction) => Promise<boolean>;
  onCancel: () => void;
}

interface StepFormFrameProps {
  /** The form's name, as the step's button says it. */
  label: string;
  /** What the submit button says. */
  submitLabel: string;
  busy: boolean;
  /** Called on submit (Enter or the button); the form checks its fields and takes the step. */
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * The frame of one desk step's form: named for its step, its fields, then the submit and cancel
 * buttons; while a step is being stored the form says so and its submit button is disabled.
 */
export function StepForm({ label, submitLabel, busy, onSubmit, onCancel, children }: StepFormFrameProps) {
  const t = useT();
  return (
    <form
      aria-label={label}
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('steps.cancel')}
        </button>
      </div>
    </form>
  );
}
