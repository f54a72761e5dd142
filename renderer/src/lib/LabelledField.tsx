import type { InputHTMLAttributes } from 'react';
import type { Bilingual } from '../../../shared/domain/bilingual';
import { FieldError } from './FieldError';

export interface LabelledFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The field's error, shown beside it in both languages and read with it. */
  error?: Bilingual | undefined;
  /** A hint under the label, read with the field. */
  hint?: string;
  autoFocus?: boolean;
  maxLength?: number;
  /** A select with these options. */
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** The select's empty first choice. */
  placeholder?: string;
  /** A textarea this many rows high (without options). */
  rows?: number;
  /** Further attributes for a text input (type, list, lang…). */
  extra?: InputHTMLAttributes<HTMLInputElement>;
}

/**
 * One labelled field of a form — a text input, a textarea or a select — with an optional hint and its
 * error beside it in both languages, tied to the control by id so that a screen reader reads them with it.
 */
export function LabelledField({ id, label, value, onChange, error, hint, autoFocus, maxLength, options, placeholder, rows, extra = {} }: LabelledFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const shared = { id, value, autoFocus, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined };
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
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : rows !== undefined ? (
        <textarea {...shared} rows={rows} maxLength={maxLength} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...shared} maxLength={maxLength} onChange={(event) => onChange(event.target.value)} autoComplete="off" {...extra} />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
