import type { Bilingual } from '../../../../shared/domain/bilingual';
import type { Catalogue } from '../../../../shared/domain/catalogue';
import type { TaxpayerIdKind } from '../../../../shared/domain/ids';
import type { ApplicantKind } from '../../../../shared/schemas/case';

/**
 * The five kinds of applicant and what each implies: which taxpayer numbers identify the applicant,
 * which second person the form asks for (company representative, the taxpayer an agent acts for, the
 * deceased an heir applies for), and which common documents join the service's checklist.
 */

export const applicantKinds: readonly ApplicantKind[] = ['person', 'resident', 'company', 'agent', 'heir'];

export const applicantIdKinds: Readonly<Record<ApplicantKind, readonly TaxpayerIdKind[]>> = {
  person: ['nationalId'],
  resident: ['residentNew', 'residentOld'],
  company: ['businessNumber'],
  agent: ['nationalId', 'residentNew', 'residentOld'],
  heir: ['nationalId', 'residentNew', 'residentOld'],
};

/** The second person each kind names, if any. */
export type RelatedRole = 'representative' | 'taxpayer' | 'deceased';
export const relatedRoleOf: Readonly<Record<ApplicantKind, RelatedRole | undefined>> = {
  person: undefined,
  resident: undefined,
  company: 'representative',
  agent: 'taxpayer',
  heir: 'deceased',
};

/** Which of the catalogue's commonDocuments lists apply to a kind, in checklist order. */
export const commonDocumentKeys: Readonly<Record<ApplicantKind, readonly string[]>> = {
  person: ['inPerson'],
  resident: ['foreigner'],
  company: ['company'],
  agent: ['agent'],
  heir: ['inPerson', 'heir'],
};

export function commonDocumentsFor(catalogue: Catalogue, kind: ApplicantKind): Bilingual[] {
  return commonDocumentKeys[kind].flatMap((key) => catalogue.commonDocuments[key] ?? []);
}

/** The kind a typed id most likely belongs to, for kinds that the id alone decides. */
export function kindForIdKind(idKind: TaxpayerIdKind): ApplicantKind {
  if (idKind === 'businessNumber') return 'company';
  return idKind === 'nationalId' ? 'person' : 'resident';
}
