/**
 * Creating users and resetting passwords, for the admin routes and the admin command line alike:
 * one validation, argon2id hashing, and an audit entry in the same transaction as the change.
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { roleSchema } from '../../../shared/schemas/auth';
import type { Database } from '../db/database';
import { DomainError, parseOrThrow } from '../domain/domainError';
import { MIN_PASSWORD_LENGTH, insertUser, replacePasswordHash, usernamePattern } from '../store/accountStore';
import { appendAudit } from '../store/auditStore';
import { hashPassword } from '../domain/password';

export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH, `a password has at least ${MIN_PASSWORD_LENGTH} characters`).max(256);

export const newUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(usernamePattern, 'a username is 1–64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit'),
  displayName: z.string().trim().min(1).max(100).regex(/^[^\p{Cc}]+$/u, 'no control characters'),
  roles: z.array(roleSchema).min(1).max(4),
  password: passwordSchema,
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const resetPasswordSchema = z.object({ password: passwordSchema });

/** A password for a person to change at once: 16 characters from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)] ?? 'x').join('');
}

export interface Actor {
  by: string;
  deviceId?: string | null;
  now: Date;
}

export async function createUser(db: Database, input: unknown, actor: Actor): Promise<{ username: string; roles: string[] }> {
  const user = parseOrThrow(newUserSchema, input, 'new user');
  const passwordHash = await hashPassword(user.password);
  await db.transaction(async (tx) => {
    await insertUser(tx, { username: user.username, displayName: user.displayName, roles: user.roles, passwordHash });
    await appendAudit(tx, { at: actor.now, userName: actor.by, deviceId: actor.deviceId ?? null, action: 'user.create', details: { username: user.username, roles: user.roles.join(',') } });
  });
  return { username: user.username, roles: user.roles };
}

/** Sets a new password; also ends the user's sessions and lifts a lock-out. */
export async function resetPassword(db: Database, username: string, password: string, actor: Actor): Promise<void> {
  const parsed = parseOrThrow(resetPasswordSchema, { password }, 'new password');
  const passwordHash = await hashPassword(parsed.password);
  await db.transaction(async (tx) => {
    if (!(await replacePasswordHash(tx, username, passwordHash))) throw new DomainError('not_found', `No user ${username.toLowerCase()}`);
    await appendAudit(tx, { at: actor.now, userName: actor.by, deviceId: actor.deviceId ?? null, action: 'user.reset-password', details: { username: username.toLowerCase() } });
  });
}
