import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from './primitives';

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

export const channelSchema = z.enum(['counter', 'drive-through', 'field-visit']);
export type Channel = z.infer<typeof channelSchema>;

export const applicantKindSchema = z.enum(['person', 'resident', 'company', 'agent', 'heir']);
export type ApplicantKind = z.infer<typeof applicantKindSchema>;

export const applicantSchema = z.object({
  kind: applicantKindSchema,
  /** Normalised taxpayer id (national id, resident certificate or business number). */
  idNumber: z.string().min(1).max(20),
  name: z.string().trim().min(1).max(100),
  /** Normalised digits, e.g. 0912345678; empty when the applicant gave none. */
  phone: z.string().max(20).default(''),
});
export type Applicant = z.infer<typeof applicantSchema>;

export const checklistStateSchema = z.enum(['provided', 'missing', 'waived']);
export type ChecklistState = z.infer<typeof checklistStateSchema>;

export const checklistItemSchema = z.object({
  /** The document as the catalogue names it ("申請書 / application form"). */
  document: z.string().min(1).max(300),
  state: checklistStateSchema,
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** The intake record as the device creates it and the server stores it. */
export const caseRecordSchema = z.object({
  id: uuidSchema,
  caseNo: z.string().min(1).max(40),
  /** Random secret printed in the receipt's QR code; the public page answers only with it. */
  verifier: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  serviceId: z.string().min(1).max(40),
  channel: channelSchema,
  applicant: applicantSchema,
  checklist: z.array(checklistItemSchema).max(100),
  status: caseStatusSchema,
  receivedOn: isoDateSchema,
  receivedAt: isoDateTimeSchema,
  dueDate: isoDateSchema,
  stationCode: z.string().min(1).max(8),
  createdBy: z.string().min(1).max(64),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;
