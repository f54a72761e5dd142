import type { InputHTMLAttributes } from 'react';
import { FieldError } from '../../lib/FieldError';
import { translateBoth, type MessageKey } from '../../lib/i18n';

export interface UnitFieldProps {
  id: string;
  label: string;
  value: string;
  error?: MessageKey | undefined;
  onChange: (value: string) => void;
  /** A select with these options; without them, a text input. */
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** A hint under the label, read with the field. */
  hint?: string;
  /** Further attributes for the input (list, maxLength…). */
  extra?: InputHTMLAttributes<HTMLInputElement>;
}

/** One field of the units screen: its label, an optional hint, and its error beside it in both languages. */
export function UnitField({ id, label, value, error, onChange, options, hint, extra = {} }: UnitFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const shared = { id, value, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint small">
          {hint}
        </span>
      )}
      {options ? (
        <select {...shared} onChange={(event) => onChange(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...shared} onChange={(event) => onChange(event.target.value)} autoComplete="off" {...extra} />
      )}
      <FieldError id={`${id}-error`} message={error ? translateBoth(error) : undefined} />
    </div>
  );
}
