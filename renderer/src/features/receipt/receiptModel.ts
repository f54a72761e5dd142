import { findService } from '../../../../shared/domain/catalogue';
import { maskIdNumber, maskName } from '../../../../shared/domain/masking';
import { progressUrl } from '../../../../shared/domain/progressUrl';
import { formatRocLong } from '../../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../../shared/schemas/case';
import { getCatalogue } from '../../lib/referenceData';

/** What the receipt (收執聯) shows: only masked personal data, since paper leaves the office. */
export interface ReceiptModel {
  caseNo: string;
  serviceZh: string;
  serviceEn: string;
  receivedRoc: string;
  receivedIso: string;
  dueRoc: string;
  dueIso: string;
  applicantName: string;
  applicantId: string;
  progressUrl: string;
}

export function receiptModel(record: CaseRecord, serverUrl: string): ReceiptModel {
  const service = findService(getCatalogue(), record.serviceId);
  return {
    caseNo: record.caseNo,
    serviceZh: service?.nameZh ?? record.serviceId,
    serviceEn: service?.nameEn ?? record.serviceId,
    receivedRoc: formatRocLong(record.receivedOn),
    receivedIso: record.receivedOn,
    dueRoc: formatRocLong(record.dueDate),
    dueIso: record.dueDate,
    applicantName: maskName(record.applicant.name),
    applicantId: maskIdNumber(record.applicant.idNumber),
    progressUrl: progressUrl(serverUrl, record.caseNo, record.verifier),
  };
}
