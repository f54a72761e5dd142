import type { Applicant } from '../../../../shared/schemas/case';
import { OTHER_ZIP, type IntakeFields } from './validateIntake';

/**
 * An earlier case's applicant as the intake form's fields (a returning applicant's details, a
 * re-examination's applicant); only what the applicant has, so the caller keeps its own for the rest.
 */
export function fieldsOfApplicant(applicant: Applicant): Partial<IntakeFields> {
  const related = applicant.representative ?? applicant.taxpayer ?? applicant.deceased;
  return {
    kind: applicant.kind,
    idNumber: applicant.idNumber,
    name: applicant.name,
    phone: applicant.phone,
    ...(applicant.address ? { zip: applicant.address.zip ?? OTHER_ZIP, addressLine: applicant.address.line } : {}),
    ...(related ? { relatedId: related.idNumber, relatedName: related.name, ...(related.diedOn ? { diedOn: related.diedOn } : {}) } : {}),
  };
}
