/**
 * 復查: an applicant asks for a decided case to be re-examined. The application is a case of its own
 * (the catalogue's re-examination service, with its own limit), taken in like any other, for the same
 * applicant, and linked to the decided case (`relatedCase`); each case's page links to the other.
 */
import type { Catalogue, Service } from '../../../../shared/domain/catalogue';
import type { CaseRecord } from '../../../../shared/schemas/case';
import { casesOfApplicant } from '../../db/caseQuery';
import type { CounterDeskDb } from '../../db/database';
import type { LocalCase } from '../../db/records';
import { fieldsOfApplicant } from '../intake/fieldsOfApplicant';
import type { IntakeFields } from '../intake/validateIntake';

/** Decided: approved or rejected, or closed after a decision (a same-day case completed on the spot included). */
export function isDecided(record: Pick<CaseRecord, 'status' | 'desk'>): boolean {
  return record.status === 'approved' || record.status === 'rejected' || (record.status === 'closed' && record.desk?.decision !== undefined);
}

/** The catalogue's re-examination service (GEN-REEXAMINATION), if this catalogue has one. */
export function reexaminationService(catalogue: Catalogue): Service | undefined {
  return catalogue.services.find((service) => service.reexamination === true);
}

/** The intake a re-examination of `decided` starts from: the service and the same applicant, linked. */
export function reexaminationIntake(decided: CaseRecord, service: Service): { initialFields: Partial<IntakeFields>; relatedCase: NonNullable<CaseRecord['relatedCase']> } {
  return { initialFields: { serviceId: service.id, ...fieldsOfApplicant(decided.applicant) }, relatedCase: { id: decided.id, caseNo: decided.caseNo } };
}

/** The most of one applicant's cases looked through for re-examinations of a case. */
const APPLICANT_CASES_READ = 1000;

/**
 * The re-examinations of `decided` on this device, newest first (they are its applicant's cases). Only
 * a decided case can have any, so an open one reads nothing: a case's page asks on every change, and an
 * applicant's cases are read (and opened) one by one.
 */
export async function reexaminationsOf(decided: CaseRecord, db?: CounterDeskDb): Promise<LocalCase[]> {
  if (!isDecided(decided)) return [];
  const cases = await casesOfApplicant(decided.applicant.idNumber, APPLICANT_CASES_READ, db);
  return cases.filter((other) => other.relatedCase?.id === decided.id);
}
