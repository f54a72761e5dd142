/**
 * What a pre-filled form prints: the applicant from the intake (in full — the applicant signs their own
 * form, decision 0042), the service, the filing date in the ROC form, and the service's own
 * `form.fields` as the clerk entered them. The fields are checked here so the intake and the server
 * refuse the same inputs, each with a message for its field.
 */
import type { Bilingual } from './bilingual';
import type { FormField, Service } from './catalogue';
import { isValidIsoDate } from './isoDate';
import { formatRocLong } from './rocDate';

export type FormApplicant = { name: string; idNumber: string; address: string; phone: string };

export type FormFieldCheck = { ok: true; values: Record<string, string> } | { ok: false; errors: Record<string, Bilingual> };

function fieldError(field: FormField, raw: string): Bilingual | undefined {
  const value = raw.trim();
  if (!value) return field.required ? { zh: `請填寫${field.label.zh}`, en: `Enter the ${field.label.en.toLowerCase()}` } : undefined;
  if (value.length > 200) return { zh: `${field.label.zh}最多 200 字`, en: `${field.label.en}: at most 200 characters` };
  if (field.kind === 'date' && !isValidIsoDate(value)) return { zh: `${field.label.zh}不是有效日期`, en: `${field.label.en} is not a valid date` };
  if (field.kind === 'number' && !/^\d+(\.\d+)?$/.test(value)) return { zh: `${field.label.zh}須為數字`, en: `${field.label.en} must be a number` };
  if (field.kind === 'choice' && !(field.choices ?? []).some((c) => c.zh === value)) {
    return { zh: `請從清單選擇${field.label.zh}`, en: `Choose the ${field.label.en.toLowerCase()} from the list` };
  }
  return undefined;
}

/** The service's own fields checked and put as printed (a date in the ROC form); unknown keys are dropped. */
export function checkFormFields(fields: readonly FormField[], entered: Readonly<Record<string, string>>): FormFieldCheck {
  const errors: Record<string, Bilingual> = {};
  const values: Record<string, string> = {};
  for (const field of fields) {
    const raw = entered[field.key] ?? '';
    const error = fieldError(field, raw);
    if (error) errors[field.key] = error;
    else if (raw.trim()) values[field.key] = field.kind === 'date' ? formatRocLong(raw.trim()) : raw.trim();
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };
}

/** Every value a template's boxes may name, for one intake. `filedOn` is the ISO date of filing. */
export function formValues(service: Service, applicant: FormApplicant, filedOn: string, fieldValues: Readonly<Record<string, string>>): Record<string, string> {
  return {
    ...fieldValues,
    applicantName: applicant.name,
    applicantId: applicant.idNumber,
    applicantAddress: applicant.address,
    applicantPhone: applicant.phone,
    serviceName: service.nameZh,
    filedOn: formatRocLong(filedOn),
  };
}
