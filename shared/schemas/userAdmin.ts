/**
 * The administrator's user calls (server/src/routes/adminUserRoutes.ts): create an account, change
 * its roles, disable or enable it, reset its password. A password the server made is in the answer
 * once and never again; the server keeps only its argon2id hash.
 */
import { z } from 'zod';
import { roleSchema } from './auth';

/** Passwords people choose: long enough that the lock-out, not luck, is what stops guessing. */
export const MIN_PASSWORD_LENGTH = 12;

/** Stored lower-case, so sign-in is case-insensitive. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export const userRolesSchema = z.array(roleSchema).min(1).max(4);

export const userRolesRequestSchema = z.object({ roles: userRolesSchema });
export type UserRolesRequest = z.infer<typeof userRolesRequestSchema>;

/** POST /v1/admin/users: without a password the server makes one and answers it once. */
export const newUserRequestSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: userRolesSchema,
  password: z.string().optional(),
});
export type NewUserRequest = z.infer<typeof newUserRequestSchema>;

export const createdUserSchema = z.object({
  username: z.string(),
  roles: z.array(roleSchema),
  /** Only when the server made the password: shown once, to be handed over in person. */
  password: z.string().optional(),
});
export type CreatedUser = z.infer<typeof createdUserSchema>;

export const passwordResetRequestSchema = z.object({ password: z.string().optional() });
export const passwordResetAnswerSchema = z.object({ ok: z.literal(true), password: z.string().optional() });

/** The answer to a change of roles, a disabling or an enabling: the account as it now is. */
export const userChangeAnswerSchema = z.object({ username: z.string(), roles: z.array(roleSchema), disabled: z.boolean(), endedSessions: z.number().int().nonnegative() });
export type UserChangeAnswer = z.infer<typeof userChangeAnswerSchema>;
