import { z } from 'zod';
import { applicantKindSchema, caseStatusSchema, channelSchema, checklistItemSchema, clockPauseSchema } from './case';
import { isoDateSchema, line, uuidSchema } from './primitives';

/**
 * The online lookup of a case outside one's scope (查詢, docs/decisions/0030-scope-by-work.md): by case
 * number or the applicant's ID number, always with the reason (查詢事由), audited on the server, shown
 * read-only and never stored on the device.
 */
export const lookupReasonCodes = ['citizen-at-counter', 'phone-enquiry', 'transfer', 'other'] as const;
export const lookupReasonCodeSchema = z.enum(lookupReasonCodes);
export type LookupReasonCode = z.infer<typeof lookupReasonCodeSchema>;

export const caseLookupRequestSchema = z.object({
  /** A case number or the applicant's ID or business number, as typed (normalised by the server). */
  query: line(40).trim().min(4),
  reasonCode: lookupReasonCodeSchema,
  /** The reason in the person's own words: required, whatever the choice. */
  reason: line(300).trim().min(2),
});
export type CaseLookupRequest = z.infer<typeof caseLookupRequestSchema>;

/** A case as the lookup shows it: what the citizen may be told, with the applicant masked; no phone, address, verifier or documents. */
export const lookedUpCaseSchema = z.object({
  id: uuidSchema,
  caseNo: z.string(),
  serviceId: z.string(),
  channel: channelSchema,
  status: caseStatusSchema,
  receivedOn: isoDateSchema,
  dueDate: isoDateSchema,
  stationCode: z.string(),
  applicant: z.object({ kind: applicantKindSchema, maskedName: z.string(), maskedIdNumber: z.string() }),
  checklist: z.array(checklistItemSchema),
  clockPauses: z.array(clockPauseSchema),
  /** The handling unit's names, so the citizen can be told where the case is. */
  unit: z.object({ nameZh: z.string(), nameEn: z.string() }).optional(),
  documentCount: z.number().int().nonnegative(),
});
export type LookedUpCase = z.infer<typeof lookedUpCaseSchema>;

export const MAX_LOOKUP_RESULTS = 20;

export const caseLookupResponseSchema = z.object({
  cases: z.array(lookedUpCaseSchema).max(MAX_LOOKUP_RESULTS),
  /** More cases matched than are shown (an ID number with a long history). */
  truncated: z.boolean(),
});
export type CaseLookupResponse = z.infer<typeof caseLookupResponseSchema>;
