import { z } from 'zod';
import { line } from './primitives';

/**
 * The device credential: given once at enrolment, sent on every request besides the user's session.
 * The server keeps only a hash of the secret; revoking the device refuses it at its next contact.
 */
export const DEVICE_ID_HEADER = 'x-device-id';
export const DEVICE_SECRET_HEADER = 'x-device-secret';

export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a device id is 1–64 letters, digits, ".", "_" or "-"');
export const deviceSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'a device secret is 32–128 base64url characters');

/**
 * What a device is (migration 014): a counter PC or laptop that works on cases, or a ticket kiosk at
 * the entrance, which holds no case data and is refused by every route but its own.
 */
export const deviceKindSchema = z.enum(['workstation', 'kiosk']);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

export const enrolRequestSchema = z.object({
  /** The one-time code an administrator made; dashes, spaces and case do not matter. */
  code: line(64).min(1),
  /** What people call this machine ("Counter 3", "Field laptop 2"). */
  name: line(100).trim().min(1),
  /** The kind of device enrolling: a code made for the other kind is refused and stays unused. */
  kind: deviceKindSchema.optional(),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;


export const enrolResponseSchema = z.object({
  deviceId: deviceIdSchema,
  deviceSecret: deviceSecretSchema,
  name: z.string(),
  /** Printed into every case number made on this device. */
  stationCode: z.string(),
  /** Older servers do not send it: their devices are all workstations. */
  kind: deviceKindSchema.optional(),
  /** A kiosk's number (1–9), which names its offline ticket series (A2-007); null for a workstation. */
  kioskNo: z.number().int().min(1).max(9).nullable().optional(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

/** GET /v1/devices/me: the cheapest contact, which tells a revoked device so before anything else. */
export const deviceStatusSchema = z.object({ id: z.string(), name: z.string(), stationCode: z.string() });
