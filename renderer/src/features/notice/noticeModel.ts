import type { OfficeCalendar } from '../../../../shared/domain/calendar';
import { findService } from '../../../../shared/domain/catalogue';
import { maskIdNumber, maskName } from '../../../../shared/domain/masking';
import { toDayNumber } from '../../../../shared/domain/isoDate';
import { formatRocLong } from '../../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../../shared/schemas/case';
import { SUPPLEMENT_DAYS, missingDocuments, supplementDeadline } from './deficiency';
import { getCatalogue, referenceFor } from '../../lib/referenceData';

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
  /** The day the clock stopped: the receipt day at the counter, the notice's day when the officer asks later. */
  pausedFrom: 'receipt' | 'notice';
  pausedFromRoc: string;
  pausedFromIso: string;
  noticedRoc: string;
  supplementByRoc: string;
  supplementByIso: string;
  missing: string[];
  supplementDays: number;
}

/**
 * The days the applicant is given, as the notice states them: the standard SUPPLEMENT_DAYS, or the
 * calendar days to the date the officer chose on the desk.
 */
function supplementDaysOf(noticedOn: string, supplementBy: string, calendar: OfficeCalendar): number {
  try {
    if (supplementBy === supplementDeadline(noticedOn, calendar)) return SUPPLEMENT_DAYS;
  } catch {
    // A notice day beyond the office calendar: its days are counted as they stand.
  }
  return toDayNumber(supplementBy) - toDayNumber(noticedOn);
}

export function noticeModel(record: CaseRecord): NoticeModel | undefined {
  if (!record.deficiency) return undefined;
  const service = findService(getCatalogue(), record.serviceId);
  const pausedFromIso = (record.clockPauses ?? []).find((pause) => pause.to === undefined)?.from ?? record.receivedOn;
  return {
    caseNo: record.caseNo,
    serviceZh: service?.nameZh ?? record.serviceId,
    serviceEn: service?.nameEn ?? record.serviceId,
    applicantName: maskName(record.applicant.name),
    applicantId: maskIdNumber(record.applicant.idNumber),
    receivedRoc: formatRocLong(record.receivedOn),
    receivedIso: record.receivedOn,
    pausedFrom: pausedFromIso === record.receivedOn ? 'receipt' : 'notice',
    pausedFromRoc: formatRocLong(pausedFromIso),
    pausedFromIso,
    noticedRoc: formatRocLong(record.deficiency.noticedOn),
    supplementByRoc: formatRocLong(record.deficiency.supplementBy),
    supplementByIso: record.deficiency.supplementBy,
    // Listed as at intake: a notice reprinted after a partial supply lists what is still missing.
    missing: missingDocuments(record.checklist),
    supplementDays: supplementDaysOf(record.deficiency.noticedOn, record.deficiency.supplementBy, referenceFor(record.versions).calendar),
  };
}
