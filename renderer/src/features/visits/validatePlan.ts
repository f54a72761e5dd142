/**
 * The supervisor's visit form, checked field by field with the same rules the server applies
 * (shared/schemas/visit.ts), so every mistake is shown next to its field, in both languages, before
 * anything is sent. The id and phone are normalised here; the server refuses them otherwise.
 */
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { districtByZip } from '../../../../shared/domain/districts';
import { parseTaxpayerId } from '../../../../shared/domain/ids';
import { isValidIsoDate } from '../../../../shared/domain/isoDate';
import { parsePhone } from '../../../../shared/domain/phone';
import { applicantKindSchema } from '../../../../shared/schemas/case';
import type { VisitPlanRequest } from '../../../../shared/schemas/visit';
import { visitTimeSchema } from '../../../../shared/schemas/visit';
import { typedTextProblem } from '../../lib/typedTextProblem';
import { visitBilingual } from './visitMessages';

export interface PlanFields {
  assignee: string;
  planDate: string;
  time: string;
  serviceId: string;
  kind: string;
  idNumber: string;
  name: string;
  phone: string;
  zip: string;
  line: string;
  note: string;
}
export type PlanFieldName = keyof PlanFields;
export type PlanErrors = Partial<Record<PlanFieldName, Bilingual>>;

export function emptyPlanFields(planDate: string): PlanFields {
  return { assignee: '', planDate, time: '09:00', serviceId: '', kind: 'person', idNumber: '', name: '', phone: '', zip: '', line: '', note: '' };
}

export function validatePlan(fields: PlanFields): { ok: true; value: Omit<VisitPlanRequest, 'id'> } | { ok: false; errors: PlanErrors } {
  const errors: PlanErrors = {};
  const required = visitBilingual('required');
  if (!fields.assignee) errors.assignee = required;
  if (!isValidIsoDate(fields.planDate)) errors.planDate = visitBilingual('invalidDate');
  if (!visitTimeSchema.safeParse(fields.time).success) errors.time = visitBilingual('invalidTime');
  if (!fields.serviceId) errors.serviceId = required;
  const kind = applicantKindSchema.safeParse(fields.kind);
  if (!kind.success) errors.kind = required;
  const id = parseTaxpayerId(fields.idNumber);
  if (!id.ok) errors.idNumber = fields.idNumber.trim() === '' ? required : id.message;
  const name = fields.name.trim();
  if (name === '') errors.name = required;
  else if (name.length > 100) errors.name = visitBilingual('nameTooLong');
  else if (typedTextProblem(name)) errors.name = typedTextProblem(name);
  const phoneText = fields.phone.trim();
  const phone = phoneText === '' ? undefined : parsePhone(phoneText);
  if (phone && !phone.ok) errors.phone = phone.message;
  if (!districtByZip(fields.zip) || fields.zip.length !== 3) errors.zip = visitBilingual('keelungDistrict');
  const line = fields.line.trim();
  if (line === '') errors.line = required;
  else if (line.length > 200) errors.line = visitBilingual('addressTooLong');
  else if (typedTextProblem(line)) errors.line = typedTextProblem(line);
  if (fields.note.trim().length > 300) errors.note = visitBilingual('noteTooLong');
  else if (typedTextProblem(fields.note, true)) errors.note = typedTextProblem(fields.note, true);
  if (Object.keys(errors).length > 0 || !id.ok || !kind.success || (phone && !phone.ok)) return { ok: false, errors };
  const note = fields.note.trim();
  return {
    ok: true,
    value: {
      planDate: fields.planDate,
      time: fields.time,
      assignee: fields.assignee,
      serviceId: fields.serviceId,
      applicant: { kind: kind.data, idNumber: id.normalized, name, phone: phone?.ok ? phone.normalized : '' },
      address: { zip: fields.zip, line },
      ...(note ? { note } : {}),
    },
  };
}
