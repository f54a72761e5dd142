import { useState, type Dispatch, type SetStateAction } from 'react';
import { parseTaxpayerId } from '../../../../shared/domain/ids';
import type { ApplicantKind } from '../../../../shared/schemas/case';
import { applicantIdKinds, kindForIdKind } from './applicantKinds';
import type { FieldProps } from './IntakeTextField';
import { validateField, type IntakeErrors, type IntakeFieldName, type IntakeFields } from './validateIntake';

interface Options {
  fields: IntakeFields;
  setFields: Dispatch<SetStateAction<IntakeFields>>;
  /** Writes the draft at once (a field was left). */
  flush: () => void;
  /** The kind was switched to match the id typed; the form says so. */
  onKindSwitched: (kind: ApplicantKind) => void;
}

/**
 * Editing the counter's fields: a field is checked when it is left (an error, once shown, follows
 * every change), an id that plainly belongs to another kind switches the kind, and each field's
 * props carry its id and error markers.
 */
export function useIntakeFields({ fields, setFields, flush, onKindSwitched }: Options) {
  const [errors, setErrors] = useState<IntakeErrors>({});

  function set(field: IntakeFieldName, value: string) {
    const next = { ...fields, [field]: value };
    setFields(next);
    if (errors[field]) setErrors((e) => ({ ...e, [field]: validateField(field, next) }));
  }

  function setKind(kind: ApplicantKind) {
    setFields((f) => ({ ...f, kind }));
    setErrors((e) => ({ ...e, idNumber: undefined, relatedId: undefined, relatedName: undefined }));
  }

  function blur(field: IntakeFieldName) {
    let current = fields;
    if (field === 'idNumber') {
      // An id that plainly belongs to another kind switches the kind, and says so.
      const parsed = parseTaxpayerId(fields.idNumber);
      if (parsed.ok && !applicantIdKinds[fields.kind].includes(parsed.kind) && (fields.kind === 'person' || fields.kind === 'resident' || fields.kind === 'company')) {
        const kind = kindForIdKind(parsed.kind);
        current = { ...fields, kind };
        setFields(current);
        onKindSwitched(kind);
      }
    }
    if (current[field]) setErrors((e) => ({ ...e, [field]: validateField(field, current) }));
    flush();
  }

  const fieldProps = (field: IntakeFieldName): FieldProps => ({
    id: `intake-${field}`,
    name: field,
    value: fields[field],
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `intake-${field}-error` : undefined,
    onBlur: () => blur(field),
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });

  return { errors, setErrors, set, setKind, fieldProps };
}
