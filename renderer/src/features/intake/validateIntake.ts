import { z } from 'zod';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { districtByZip } from '../../../../shared/domain/districts';
import { parseTaxpayerId, type TaxpayerIdKind } from '../../../../shared/domain/ids';
import { parsePhone } from '../../../../shared/domain/phone';
import { parseDateInput } from '../../../../shared/domain/parseDateInput';
import { isCleanLine } from '../../../../shared/schemas/primitives';
import { applicantKindSchema, channelSchema, type ApplicantKind, type CaseRecord, type MailingAddress, type RelatedPerson } from '../../../../shared/schemas/case';
import { translateBoth, type KeysUnder } from '../../lib/i18n';
import { applicantIdKinds, relatedRoleOf } from './applicantKinds';

/**
 * Checks the intake fields; returns the normalised values or a bilingual error per field (the form's
 * own words from the `intake.` part of lib/i18n.ts, the domain's from its checks). The fields are the
 * form's raw text (also what the draft stores), so the same function validates a restored draft.
 */

/** `zip` is a Keelung postcode, OTHER_ZIP for an address outside Keelung, or '' for none. */
export const OTHER_ZIP = 'other';

export const intakeFieldsSchema = z.object({
  serviceId: z.string(),
  kind: applicantKindSchema,
  idNumber: z.string(),
  name: z.string(),
  relatedId: z.string(),
  relatedName: z.string(),
  diedOn: z.string(),
  phone: z.string(),
  zip: z.string(),
  addressLine: z.string(),
  // Drafts kept before the channel was asked for read as counter cases.
  channel: channelSchema.default('counter'),
  /** A referral (里長轉介): the village chief who referred the applicant, and the village. */
  referrerName: z.string().default(''),
  referrerVillage: z.string().default(''),
});
export type IntakeFields = z.infer<typeof intakeFieldsSchema>;
export type IntakeFieldName = keyof IntakeFields;

export const emptyFields: IntakeFields = {
  serviceId: '',
  kind: 'person',
  idNumber: '',
  name: '',
  relatedId: '',
  relatedName: '',
  diedOn: '',
  phone: '',
  zip: '',
  addressLine: '',
  channel: 'counter',
  referrerName: '',
  referrerVillage: '',
};

export type IntakeErrors = Partial<Record<IntakeFieldName, Bilingual>>;

export interface ValidIntake {
  serviceId: string;
  kind: ApplicantKind;
  idNumber: string;
  idKind: TaxpayerIdKind;
  name: string;
  phone: string;
  address?: MailingAddress;
  related?: RelatedPerson;
  referrer?: CaseRecord['referrer'];
}

/** A message of the intake form, both languages at once: it stands next to its field. */
const message = (key: KeysUnder<'intake.'>): Bilingual => translateBoth(`intake.${key}`);

function checkId(value: string, allowed: readonly TaxpayerIdKind[], mismatch: Bilingual): Bilingual | undefined {
  const parsed = parseTaxpayerId(value);
  if (!parsed.ok) return parsed.message;
  return allowed.includes(parsed.kind) ? undefined : mismatch;
}

/** A date field's text (ROC or Western, as typed or as the date field left it) as an ISO date. */
export function parseDateText(value: string): string | undefined {
  const parsed = parseDateInput(value);
  return parsed.ok ? parsed.isoDate : undefined;
}

function checkName(value: string): Bilingual | undefined {
  const trimmed = value.trim();
  if (!trimmed) return message('required');
  return trimmed.length > 100 ? message('nameTooLong') : undefined;
}

export function validateField(field: IntakeFieldName, fields: IntakeFields): Bilingual | undefined {
  const value = fields[field].trim();
  // The server refuses control characters in any text (decision 0032): said here, next to the field.
  if (!isCleanLine(value)) return message('controlCharacters');
  const role = relatedRoleOf[fields.kind];
  switch (field) {
    case 'serviceId':
      return value ? undefined : message('chooseService');
    case 'kind':
    case 'channel':
      return undefined;
    case 'referrerName':
      if (fields.channel !== 'referral') return undefined;
      if (!value) return translateBoth('intake.referrerNameRequired');
      return value.length > 100 ? translateBoth('intake.referrerNameTooLong') : undefined;
    case 'referrerVillage':
      if (fields.channel !== 'referral') return undefined;
      if (!value) return translateBoth('intake.referrerVillageRequired');
      return value.length > 60 ? translateBoth('intake.referrerVillageTooLong') : undefined;
    case 'idNumber':
      if (!value) return message('required');
      return checkId(value, applicantIdKinds[fields.kind], message(`idMismatch.${fields.kind}`));
    case 'name':
      return checkName(value);
    case 'relatedName':
      return role ? checkName(value) : undefined;
    case 'relatedId':
      if (!role) return undefined;
      if (!value) return role === 'representative' ? undefined : message('required');
      if (role === 'taxpayer') {
        const parsed = parseTaxpayerId(value);
        return parsed.ok ? undefined : parsed.message;
      }
      return checkId(value, ['nationalId', 'residentNew', 'residentOld'], message('relatedIdKind'));
    case 'diedOn': {
      if (role !== 'deceased' || !value) return undefined;
      const parsed = parseDateInput(value);
      return parsed.ok ? undefined : parsed.message;
    }
    case 'phone': {
      // By phone the receipt goes by text message: without a mobile number the applicant gets nothing.
      if (!value) return fields.channel === 'phone' ? translateBoth('intake.phoneNeedsMobile') : undefined;
      const parsed = parsePhone(value);
      if (!parsed.ok) return parsed.message;
      return parsed.kind === 'mobile' ? undefined : message('mobileOnly');
    }
    case 'zip':
      if (!value && fields.addressLine.trim()) return message('chooseDistrict');
      return value && value !== OTHER_ZIP && !districtByZip(value) ? message('notKeelungZip') : undefined;
    case 'addressLine':
      if (fields.zip && !value) return message('addressRequired');
      return value.length > 200 ? message('addressTooLong') : undefined;
  }
}

export function validateIntake(fields: IntakeFields): { ok: true; value: ValidIntake } | { ok: false; errors: IntakeErrors } {
  const errors: IntakeErrors = {};
  for (const key of Object.keys(emptyFields) as IntakeFieldName[]) {
    const error = validateField(key, fields);
    if (error) errors[key] = error;
  }
  const id = parseTaxpayerId(fields.idNumber.trim());
  if (Object.keys(errors).length > 0 || !id.ok) return { ok: false, errors };
  const phone = fields.phone.trim() ? parsePhone(fields.phone.trim()) : undefined;
  const role = relatedRoleOf[fields.kind];
  const relatedId = fields.relatedId.trim() ? parseTaxpayerId(fields.relatedId.trim()) : undefined;
  const diedOn = role === 'deceased' && fields.diedOn.trim() ? parseDateText(fields.diedOn) : undefined;
  const district = fields.zip && fields.zip !== OTHER_ZIP ? districtByZip(fields.zip) : undefined;
  const line = fields.addressLine.trim();
  return {
    ok: true,
    value: {
      serviceId: fields.serviceId,
      kind: fields.kind,
      idNumber: id.normalized,
      idKind: id.kind,
      name: fields.name.trim(),
      phone: phone?.ok ? phone.normalized : '',
      ...(line ? { address: { ...(district ? { zip: district.zip, district: district.name } : {}), line } } : {}),
      ...(role
        ? { related: { idNumber: relatedId?.ok ? relatedId.normalized : '', name: fields.relatedName.trim(), ...(diedOn ? { diedOn } : {}) } }
        : {}),
      ...(fields.channel === 'referral' ? { referrer: { name: fields.referrerName.trim(), village: fields.referrerVillage.trim() } } : {}),
    },
  };
}
