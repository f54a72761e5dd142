/**
 * The administrator's device calls (server/src/routes/adminRoutes.ts): the enrolled devices with
 * their station and last contact, one-time enrolment codes, revocation with a reason.
 */
import { z } from 'zod';
import { isoDateTimeSchema, line } from './primitives';

export const deviceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  stationCode: z.string(),
  createdAt: isoDateTimeSchema,
  revokedAt: isoDateTimeSchema.nullable(),
  revokedReason: z.string().nullable(),
  hasCredential: z.boolean(),
  /** Older servers do not send it. */
  lastSeenAt: isoDateTimeSchema.nullable().optional(),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;
export const devicesResponseSchema = z.object({ devices: z.array(deviceSummarySchema) });

/** A code not used yet: who made it for which station and until when; the code itself was shown once. */
export const pendingEnrolmentCodeSchema = z.object({ stationCode: z.string(), createdBy: z.string(), createdAt: isoDateTimeSchema, expiresAt: isoDateTimeSchema });
export type PendingEnrolmentCode = z.infer<typeof pendingEnrolmentCodeSchema>;
export const pendingEnrolmentCodesSchema = z.object({ codes: z.array(pendingEnrolmentCodeSchema) });

export const enrolmentCodeRequestSchema = z.object({ stationCode: z.string().min(2).max(6) });
export const enrolmentCodeAnswerSchema = z.object({ code: z.string(), stationCode: z.string(), expiresAt: isoDateTimeSchema });
export type EnrolmentCodeAnswer = z.infer<typeof enrolmentCodeAnswerSchema>;

export const revokeRequestSchema = z.object({ reason: line(500).trim().min(1) });
export const revokeAnswerSchema = z.object({ revoked: z.boolean() });
