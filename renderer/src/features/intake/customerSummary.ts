import { findService } from '../../../../shared/domain/catalogue';
import { districtByZip } from '../../../../shared/domain/districts';
import { formatPhone } from '../../../../shared/domain/phone';
import type { ChecklistState } from '../../../../shared/schemas/case';
import type { CustomerMessage } from '../../lib/customerDisplay';
import { translate } from '../../lib/i18n';
import { type Locale } from '../../state/locale';
import { relatedRoleOf } from './applicantKinds';
import { OTHER_ZIP, type IntakeFields } from './validateIntake';
import { getCatalogue } from '../../lib/referenceData';

/** What the customer display shows while the clerk types: the citizen's own entries, nothing else. */
export function customerSummary(
  fields: IntakeFields,
  documents: readonly { document: string; state: ChecklistState }[],
  locale: Locale,
): Extract<CustomerMessage, { type: 'confirm' }> {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const service = fields.serviceId ? findService(getCatalogue(), fields.serviceId) : undefined;
  const lines: { label: string; value: string }[] = [];
  if (service) lines.push({ label: t('service'), value: locale === 'en' ? service.nameEn : service.nameZh });
  lines.push({ label: t('applicantKind'), value: t(`kind.${fields.kind}`) });
  if (fields.idNumber.trim()) lines.push({ label: t('applicantId'), value: fields.idNumber.trim().toUpperCase() });
  if (fields.name.trim()) lines.push({ label: fields.kind === 'company' ? t('companyName') : t('applicantName'), value: fields.name.trim() });
  const role = relatedRoleOf[fields.kind];
  if (role === 'representative') {
    if (fields.relatedName.trim()) lines.push({ label: t('representativeName'), value: fields.relatedName.trim() });
  } else if (role === 'taxpayer') {
    if (fields.relatedId.trim()) lines.push({ label: t('taxpayerId'), value: fields.relatedId.trim().toUpperCase() });
    if (fields.relatedName.trim()) lines.push({ label: t('taxpayerName'), value: fields.relatedName.trim() });
  } else if (role === 'deceased') {
    if (fields.relatedId.trim()) lines.push({ label: t('deceasedId'), value: fields.relatedId.trim().toUpperCase() });
    if (fields.relatedName.trim()) lines.push({ label: t('deceasedName'), value: fields.relatedName.trim() });
  }
  if (fields.phone.trim()) lines.push({ label: t('applicantPhone'), value: formatPhone(fields.phone) });
  if (fields.addressLine.trim()) {
    const district = fields.zip && fields.zip !== OTHER_ZIP ? districtByZip(fields.zip) : undefined;
    lines.push({ label: t('address'), value: `${district ? `${district.zip} 基隆市${district.name} ` : ''}${fields.addressLine.trim()}` });
  }
  return { type: 'confirm', locale, title: t('newCase'), lines, documents: documents.map((d) => ({ document: d.document, state: d.state })) };
}
