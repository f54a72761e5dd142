/**
 * The administrator's device calls (server/src/routes/adminRoutes.ts): the enrolled devices with
 * their station and last contact, one-time enrolment codes, revocation with a reason.
 */
import { z } from 'zod';
import { deviceKindSchema } from './device';
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
  /** Older servers do not send these: their devices are all workstations. */
  kind: deviceKindSchema.optional(),
  kioskNo: z.number().int().nullable().optional(),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;
export const devicesResponseSchema = z.object({ devices: z.array(deviceSummarySchema) });

/** A code not used yet: who made it for which station and until when; the code itself was shown once. */
export const pendingEnrolmentCodeSchema = z.object({ stationCode: z.string(), createdBy: z.string(), createdAt: isoDateTimeSchema, expiresAt: isoDateTimeSchema, kind: deviceKindSchema.optional() });
export type PendingEnrolmentCode = z.infer<typeof pendingEnrolmentCodeSchema>;
export const pendingEnrolmentCodesSchema = z.object({ codes: z.array(pendingEnrolmentCodeSchema) });

/** A code for a counter PC or laptop (workstation, the default) or for an entrance ticket kiosk. */
export const enrolmentCodeRequestSchema = z.object({ stationCode: z.string().min(2).max(6), kind: deviceKindSchema.optional() });
export const enrolmentCodeAnswerSchema = z.object({ code: z.string(), stationCode: z.string(), expiresAt: isoDateTimeSchema, kind: deviceKindSchema.optional() });
export type EnrolmentCodeAnswer = z.infer<typeof enrolmentCodeAnswerSchema>;

export const revokeRequestSchema = z.object({ reason: line(500).trim().min(1) });
export const revokeAnswerSchema = z.object({ revoked: z.boolean() });
