import { z } from 'zod';
import { isoDateTimeSchema, line, uuidSchema } from './primitives';
import { unitMembershipSchema } from './unit';

/** `officer`: the handling officer (承辦人) who reviews cases on the desk (docs/decisions/0027-case-desk.md). */
export const roleSchema = z.enum(['clerk', 'field-staff', 'officer', 'supervisor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const signInRequestSchema = z.object({
  username: line(64).trim().min(1),
  /** Never stored nor shown, only hashed: any characters, length capped before the slow hash. */
  password: z.string().min(1).max(256),
  deviceId: line(64).min(1),
  /**
   * The install's sync client id: with the device id it names the install whose escrow key a
   * successful sign-in releases (docs/decisions/0017-shared-device-escrow.md). Older clients omit it.
   */
  clientId: uuidSchema.optional(),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signInResponseSchema = z.object({
  token: z.string().min(20),
  expiresAt: isoDateTimeSchema,
  user: z.object({
    username: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    /** The units this user works in and as what; older servers send none. */
    units: z.array(unitMembershipSchema).optional(),
  }),
  device: z.object({
    id: z.string(),
    name: z.string(),
    /** Used in case numbers made on this device. */
    stationCode: z.string(),
  }),
  serverTime: isoDateTimeSchema,
  /**
   * Until when this user may sign in on this device without the server (offline), with the password
   * just used. Absent from servers that do not grant offline sign-in.
   */
  offlineGrant: z.object({ expiresAt: isoDateTimeSchema }).optional(),
});

/** 32 bytes in base64 (the escrow key of a device install). */
export const escrowKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'expected 32 bytes in base64');

/**
 * The sign-in answer. `escrowKey` is the install's escrow key, released only when the request named its
 * install (clientId) and the user is entitled to the device's data; the device keeps it in memory only,
 * never with the stored session (storedSessionSchema is the answer without it).
 */
export const signInAnswerSchema = signInResponseSchema.extend({ escrowKey: escrowKeySchema.optional() });
export type SignInAnswer = z.infer<typeof signInAnswerSchema>;
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const healthResponseSchema = z.object({ ok: z.boolean(), version: z.string() });

export const signOutAllResponseSchema = z.object({ ok: z.literal(true), endedSessions: z.number().int().nonnegative() });

/** GET /v1/admin/users: the accounts, for the administrator's screens. */
export const userSummarySchema = z.object({ username: z.string(), displayName: z.string(), roles: z.array(z.string()), disabled: z.boolean() });
export type UserSummary = z.infer<typeof userSummarySchema>;
export const usersResponseSchema = z.object({ users: z.array(userSummarySchema) });
