import { z } from 'zod';
import { deviceAuditActionSchema } from '../../../shared/schemas/audit';
import { sha256Schema } from '../../../shared/schemas/primitives';

/**
 * Shapes of the counter's own local tables (schema version 3). As with records.ts, whatever is read
 * back is parsed: an autosaved draft from an older build must be understood or dropped, never trusted.
 */

/** An intake draft: the form's raw text, keyed by who was typing it, so a crash loses at most the field in hand. */
export const draftRowSchema = z.object({
  key: z.string().min(1),
  savedAt: z.string(),
  /** The form state as the form serialises it; the form parses it with its own schema. */
  data: z.unknown(),
});
export type DraftRow = z.infer<typeof draftRowSchema>;

/** The server accepts exactly these from a device (shared/schemas/audit.ts). */
export const auditActionSchema = deviceAuditActionSchema;
export type AuditAction = z.infer<typeof auditActionSchema>;

/** Local audit entry (稅捐稽徵法 §33: every view and print of taxpayer data is logged). */
export const auditRowSchema = z.object({
  id: z.number().int().positive().optional(),
  caseId: z.string(),
  at: z.string(),
  by: z.string(),
  action: auditActionSchema,
  detail: z.string().max(1000).optional(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

/** The citizen's instant feedback (1–5) given on the customer display after the receipt prints. */
export const feedbackRowSchema = z.object({
  id: z.number().int().positive().optional(),
  /** The rating's id, as the recordRating mutation sent it to the server; absent on ratings kept before it. */
  ratingId: z.string().optional(),
  caseId: z.string(),
  caseNo: z.string(),
  at: z.string(),
  score: z.number().int().min(1).max(5),
  comment: z.string().max(500).optional(),
});
export type FeedbackRow = z.infer<typeof feedbackRowSchema>;

/** A scanned document of a case (the blob itself may be absent once the server holds it). */
export const documentRowSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.string().max(300),
  mime: z.string().max(100),
  size: z.number().int().nonnegative(),
  sha256: sha256Schema,
  capturedAt: z.string(),
  blob: z.instanceof(Blob).optional(),
  /** The stored Blob is sealed (documentCipher.ts); read it only through the document store. */
  sealed: z.literal(true).optional(),
});
export type DocumentRow = z.infer<typeof documentRowSchema>;
