import { findService } from '../../../../shared/domain/catalogue';
import { maskIdNumber, maskName } from '../../../../shared/domain/masking';
import { formatRocLong } from '../../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../../shared/schemas/case';
import { SUPPLEMENT_DAYS, missingDocuments } from './deficiency';
import { getCatalogue } from '../../lib/referenceData';

/**
 * What the one-time deficiency notice (退補件一次告知單) shows: every missing document at once, the
 * last day to supplement, and how the processing clock stands still meanwhile. Personal data is
 * masked as on the receipt, since the paper leaves the office.
 */
export interface NoticeModel {
  caseNo: string;
  serviceZh: string;
  serviceEn: string;
  applicantName: string;
  applicantId: string;
  receivedRoc: string;
  receivedIso: string;
  noticedRoc: string;
  supplementByRoc: string;
  supplementByIso: string;
  missing: string[];
  supplementDays: number;
}

export function noticeModel(record: CaseRecord): NoticeModel | undefined {
  if (!record.deficiency) return undefined;
  const service = findService(getCatalogue(), record.serviceId);
  return {
    caseNo: record.caseNo,
    serviceZh: service?.nameZh ?? record.serviceId,
    serviceEn: service?.nameEn ?? record.serviceId,
    applicantName: maskName(record.applicant.name),
    applicantId: maskIdNumber(record.applicant.idNumber),
    receivedRoc: formatRocLong(record.receivedOn),
    receivedIso: record.receivedOn,
    noticedRoc: formatRocLong(record.deficiency.noticedOn),
    supplementByRoc: formatRocLong(record.deficiency.supplementBy),
    supplementByIso: record.deficiency.supplementBy,
    // Listed as at intake: a notice reprinted after a partial supply lists what is still missing.
    missing: missingDocuments(record.checklist),
    supplementDays: SUPPLEMENT_DAYS,
  };
}
