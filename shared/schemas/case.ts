import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, line, uuidSchema } from './primitives';
import { caseDeskSchema } from './caseDesk';
import { caseTicketSchema } from './ticketQueue';

/** The lifecycle states of ARCHITECTURE.md; transitions live in shared/domain/lifecycle.ts. */
export const caseStatuses = [
  'draft',
  'received',
  'awaiting-documents',
  'in-review',
  'pending-approval',
  'approved',
  'rejected',
  'closed',
  'withdrawn',
] as const;
export const caseStatusSchema = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/**
 * How the application reached the bureau: at the counter, the drive-through lane, a home visit, by
 * phone (the 0800 line: the receipt goes by SMS), referred by a village chief (里長轉介, with the
 * referrer), or opened by the bureau itself (主動服務, no applicant at a counter).
 */
export const channelSchema = z.enum(['counter', 'drive-through', 'field-visit', 'phone', 'referral', 'bureau']);
export type Channel = z.infer<typeof channelSchema>;

export const applicantKindSchema = z.enum(['person', 'resident', 'company', 'agent', 'heir']);
export type ApplicantKind = z.infer<typeof applicantKindSchema>;

/** Someone named on the application besides the applicant (a company's representative, the taxpayer an agent acts for, the deceased). */
export const relatedPersonSchema = z.object({
  idNumber: line(20).default(''),
  name: line(100).trim().min(1),
  /** For the deceased: date of death, YYYY-MM-DD. */
  diedOn: isoDateSchema.optional(),
});
export type RelatedPerson = z.infer<typeof relatedPersonSchema>;

/** Mailing address; `zip` and `district` are one of Keelung's districts unless the applicant lives elsewhere. */
export const mailingAddressSchema = z.object({
  zip: z.string().regex(/^\d{3}(\d{2,3})?$/).optional(),
  district: line(20).optional(),
  line: line(200).trim().min(1),
});
export type MailingAddress = z.infer<typeof mailingAddressSchema>;

export const applicantSchema = z.object({
  kind: applicantKindSchema,
  /** Normalised taxpayer id (national id, resident certificate or business number). */
  idNumber: line(20).min(1),
  name: line(100).trim().min(1),
  /** Normalised digits, e.g. 0912345678; empty when the applicant gave none. */
  phone: line(20).default(''),
  address: mailingAddressSchema.optional(),
  /** company: the representative (負責人). */
  representative: relatedPersonSchema.optional(),
  /** agent: the taxpayer the agent acts for (納稅義務人). */
  taxpayer: relatedPersonSchema.optional(),
  /** heir: the deceased (被繼承人). */
  deceased: relatedPersonSchema.optional(),
  /** The language of the citizen's text messages; Chinese when not chosen. */
  preferredLanguage: z.enum(['zh-TW', 'en']).optional(),
});
export type Applicant = z.infer<typeof applicantSchema>;

export const checklistStateSchema = z.enum(['provided', 'missing', 'waived']);
export type ChecklistState = z.infer<typeof checklistStateSchema>;

export const checklistItemSchema = z.object({
  /** The document as the catalogue names it ("申請書 / application form"). */
  document: line(300).min(1),
  state: checklistStateSchema,
  /** Where the item comes from: the service's own list, or the common documents of the applicant kind. */
  source: z.enum(['service', 'applicant']).optional(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** 行政程序法 §51 clock pause, both ends inclusive; `to` missing while the applicant is still awaited. */
export const clockPauseSchema = z.object({ from: isoDateSchema, to: isoDateSchema.optional() });
export type ClockPauseRecord = z.infer<typeof clockPauseSchema>;

/** The one-time deficiency notice (退補件一次告知單) given at intake. */
export const deficiencySchema = z.object({
  noticedOn: isoDateSchema,
  /** Last day to supplement the missing documents. */
  supplementBy: isoDateSchema,
});

/** The most checklist items and §51 pauses a case holds: the desk refuses a step that would pass them (decision 0032). */
export const MAX_CHECKLIST_ITEMS = 100;
export const MAX_CLOCK_PAUSES = 50;

/** The intake record as the device creates it and the server stores it. */
export const caseRecordSchema = z.object({
  id: uuidSchema,
  caseNo: line(40).min(1),
  /** Random secret printed in the receipt's QR code; the public page answers only with it. */
  verifier: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  serviceId: line(40).min(1),
  channel: channelSchema,
  applicant: applicantSchema,
  checklist: z.array(checklistItemSchema).max(MAX_CHECKLIST_ITEMS),
  status: caseStatusSchema,
  receivedOn: isoDateSchema,
  receivedAt: isoDateTimeSchema,
  dueDate: isoDateSchema,
  stationCode: line(8).min(1),
  createdBy: line(64).min(1),
  clockPauses: z.array(clockPauseSchema).max(MAX_CLOCK_PAUSES).optional(),
  deficiency: deficiencySchema.optional(),
  /** A referral: who referred the applicant (the village chief and the village). */
  referrer: z.object({ name: line(100).trim().min(1), village: line(60).trim().optional() }).optional(),
  /** A re-examination (複查): the decided case it asks to re-examine. */
  relatedCase: z.object({ id: uuidSchema, caseNo: line(40).min(1) }).optional(),
  /** The catalogue and calendar versions the due date was computed with; the server computes with the same. */
  versions: z.object({ catalogue: line(64).min(1), calendar: line(64).min(1) }).optional(),
  /** What happens after intake: unit, officer, proposal, decision, hand-over. Server-owned; the device shows its own guess until synced. */
  desk: caseDeskSchema.optional(),
  /** The queue ticket the applicant was called with (shared/schemas/ticketQueue.ts); absent without one. */
  ticket: caseTicketSchema.optional(),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;
