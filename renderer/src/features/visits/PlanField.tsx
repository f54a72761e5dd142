import type { InputHTMLAttributes } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { FieldError } from '../../lib/FieldError';
import type { PlanFieldName } from './validatePlan';

export interface PlanFieldProps {
  field: PlanFieldName;
  label: string;
  value: string;
  error?: Bilingual;
  onChange: (value: string) => void;
  /** A select with these options; without them, a text input. */
  options?: Array<{ value: string; label: string }>;
  /** The select's empty first choice. */
  placeholder?: string;
  /** Further attributes for the input (type, maxLength…). */
  extra?: InputHTMLAttributes<HTMLInputElement>;
}

/** One field of the visit plan, its label, and its error in both languages beside it. */
export function PlanField({ field, label, value, error, onChange, options, placeholder, extra = {} }: PlanFieldProps) {
  const shared = {
    id: `plan-${field}`,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `plan-${field}-error` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={`plan-${field}`}>{label}</label>
      {options ? (
        <select {...shared} onChange={(event) => onChange(event.target.value)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...shared} onChange={(event) => onChange(event.target.value)} autoComplete="off" {...extra} />
      )}
      <FieldError id={`plan-${field}-error`} message={error} />
    </div>
  );
}
