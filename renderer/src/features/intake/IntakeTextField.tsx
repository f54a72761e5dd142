import type { Bilingual } from '../../../../shared/domain/bilingual';
import { FieldError } from '../../lib/FieldError';
import type { IntakeFieldName } from './validateIntake';

/** What a field's input or select gets from the form: its id, value, error markers and handlers. */
export interface FieldProps {
  id: string;
  name: IntakeFieldName;
  value: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  onBlur: () => void;
  onChange: (e: { target: { value: string } }) => void;
}

/** One labelled text field of the intake form, its error next to it in both languages. */
export function IntakeTextField({ props, label, error, extra = {} }: { props: FieldProps; label: string; error: Bilingual | undefined; extra?: Record<string, unknown> }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{label}</label>
      <input {...props} autoComplete="off" spellCheck={false} {...extra} />
      <FieldError id={`${props.id}-error`} message={error} />
    </div>
  );
}
