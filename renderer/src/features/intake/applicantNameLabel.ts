import type { ApplicantKind } from '../../../../shared/schemas/case';
import type { MessageKey } from '../../lib/i18n';

/** The name field's label: a company's name is the applicant's name, and the label says both. */
export function applicantNameLabel(t: (key: MessageKey) => string, kind: ApplicantKind): string {
  return kind === 'company' ? `${t('companyName')}（${t('applicantName')}）` : t('applicantName');
}
