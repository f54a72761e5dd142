import { z } from 'zod';
import { districtByZip } from '../domain/districts';
import { parsePhone } from '../domain/phone';
import { parseTaxpayerId } from '../domain/ids';
import { applicantKindSchema, caseStatusSchema } from './case';
import { isoDateSchema, isoDateTimeSchema, line, text, uuidSchema } from './primitives';

/**
 * Field visits (到府服務): the wire formats of a visit plan and of a visit's outcome.
 *
 * A supervisor plans a visit for one field-staff member on one day; the laptop downloads that day's
 * plan with a summary of each applicant's earlier cases and works it offline. The outcome travels
 * back once, by the visit's id: the first outcome the server records is final, and sending the same
 * outcome again changes nothing (see docs/decisions/0012-field-visits.md).
 */

export const visitTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** Who is visited: enough to prefill the intake, nothing the field worker does not need. */
export const visitApplicantSchema = z.object({
  kind: applicantKindSchema,
  /** Normalised taxpayer id (upper case, half-width). */
  idNumber: line(20).min(1),
  name: line(100).trim().min(1),
  /** Normalised digits; empty when none was given. */
  phone: line(20).default(''),
});
export type VisitApplicant = z.infer<typeof visitApplicantSchema>;

/** A Keelung address: one of the seven districts and the street line. */
export const visitAddressSchema = z.object({
  zip: z.string().regex(/^\d{3}$/),
  line: line(200).trim().min(1),
});
export type VisitAddress = z.infer<typeof visitAddressSchema>;

/** What a supervisor sends to plan a visit. `id` is made by the client so a retried request plans once. */
export const visitPlanRequestSchema = z
  .object({
    id: uuidSchema,
    planDate: isoDateSchema,
    time: visitTimeSchema,
    assignee: line(64).min(1),
    serviceId: line(40).min(1),
    applicant: visitApplicantSchema,
    address: visitAddressSchema,
    note: text(300).trim().optional(),
  })
  .superRefine((value, ctx) => {
    const id = parseTaxpayerId(value.applicant.idNumber);
    if (!id.ok || id.normalized !== value.applicant.idNumber) ctx.addIssue({ code: 'custom', path: ['applicant', 'idNumber'], message: 'not a valid, normalised taxpayer id' });
    if (value.applicant.phone !== '') {
      const phone = parsePhone(value.applicant.phone);
      if (!phone.ok || phone.normalized !== value.applicant.phone) ctx.addIssue({ code: 'custom', path: ['applicant', 'phone'], message: 'not a valid, normalised phone number' });
    }
    if (!districtByZip(value.address.zip)) ctx.addIssue({ code: 'custom', path: ['address', 'zip'], message: 'not a Keelung district' });
  });
export type VisitPlanRequest = z.infer<typeof visitPlanRequestSchema>;

export const visitOutcomeStateSchema = z.enum(['done', 'not-done']);
export const receiptMethodSchema = z.enum(['printed', 'sms']);
export type ReceiptMethod = z.infer<typeof receiptMethodSchema>;

/**
 * What the field worker reports. Done: the case made at the home (when one was made) and how its
 * receipt was given. Not done: why (nobody home, refused, rescheduled…), in the worker's words.
 */
export const visitOutcomeSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('done'),
    caseId: uuidSchema.optional(),
    receipt: receiptMethodSchema.optional(),
    note: text(300).trim().optional(),
    /** The laptop's clock when the worker recorded it: audit only, the server stamps its own time. */
    reportedAt: isoDateTimeSchema,
  }),
  z.object({
    state: z.literal('not-done'),
    reason: text(300).trim().min(1),
    reportedAt: isoDateTimeSchema,
  }),
]);
export type VisitOutcome = z.infer<typeof visitOutcomeSchema>;

/** An earlier case of the applicant, as the field worker sees it before leaving: no documents, no verifier. */
export const earlierCaseSchema = z.object({
  caseNo: z.string(),
  serviceId: z.string(),
  status: caseStatusSchema,
  receivedOn: isoDateSchema,
  dueDate: isoDateSchema,
});
export type EarlierCase = z.infer<typeof earlierCaseSchema>;

export const smsStateSchema = z.enum(['none', 'pending', 'sending', 'sent', 'skipped', 'failed']);

/** The outcome as the server recorded it. */
export const recordedOutcomeSchema = z.object({
  state: visitOutcomeStateSchema,
  reason: z.string().nullable(),
  caseId: uuidSchema.nullable(),
  caseNo: z.string().nullable(),
  receipt: receiptMethodSchema.nullable(),
  recordedAt: isoDateTimeSchema,
  reportedBy: z.string(),
  /** The receipt SMS of the case made at the home, as the outbox holds it. */
  sms: smsStateSchema,
});
export type RecordedOutcome = z.infer<typeof recordedOutcomeSchema>;

export const visitSchema = z.object({
  id: uuidSchema,
  planDate: isoDateSchema,
  time: visitTimeSchema,
  assignee: z.string(),
  assigneeName: z.string(),
  serviceId: z.string(),
  applicant: visitApplicantSchema,
  address: visitAddressSchema,
  note: z.string().nullable(),
  plannedBy: z.string(),
  outcome: recordedOutcomeSchema.nullable(),
});
export type Visit = z.infer<typeof visitSchema>;

/** A visit in the downloaded plan, with the applicant's earlier cases (newest first). */
export const plannedVisitSchema = visitSchema.extend({ earlierCases: z.array(earlierCaseSchema).max(20) });
export type PlannedVisit = z.infer<typeof plannedVisitSchema>;

export const visitPlanSchema = z.object({
  planDate: isoDateSchema,
  generatedAt: isoDateTimeSchema,
  visits: z.array(plannedVisitSchema),
});
export type VisitPlan = z.infer<typeof visitPlanSchema>;

export const visitListSchema = z.object({ visits: z.array(visitSchema) });

export const visitQuerySchema = z.object({ date: isoDateSchema, assignee: line(64).min(1).optional() });

/** The field staff a supervisor may assign a visit to. */
export const fieldStaffListSchema = z.object({ staff: z.array(z.object({ username: z.string(), displayName: z.string() })) });

export const outcomeResponseSchema = z.object({ visitId: uuidSchema, outcome: recordedOutcomeSchema, replay: z.boolean() });
