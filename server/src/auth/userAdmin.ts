/**
 * Managing accounts, for the admin routes and the admin command line alike: one validation, argon2id
 * hashing, and an audit entry in the same transaction as the change.
 *
 * Rules kept here:
 * - Separation of duties: no account holds the administrator with a case role (shared/domain/
 *   roleSeparation.ts); creating or changing roles to such a set is refused with `role_separation`,
 *   beside the `roles` field.
 * - The bureau always keeps an active administrator: the last one cannot be disabled or lose the role.
 * - A change of roles, a disabling and a password reset end the account's sessions.
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { breaksRoleSeparation } from '../../../shared/domain/roleSeparation';
import type { Role } from '../../../shared/schemas/auth';
import { line } from '../../../shared/schemas/primitives';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN, userRolesSchema } from '../../../shared/schemas/userAdmin';
import type { UserChangeAnswer } from '../../../shared/schemas/userAdmin';
import type { Database, Queryable } from '../db/database';
import type { AuditDetails } from '../domain/auditChain';
import { DomainError, parseOrThrow } from '../domain/domainError';
import { insertUser, lockUser, otherActiveAdmins, replacePasswordHash, replaceRoles, setUserDisabled } from '../store/accountStore';
import type { LockedUser } from '../store/accountStore';
import { appendAudit } from '../store/auditStore';
import { hashPassword } from '../domain/password';
import { knownRoles } from './sessions';

export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH, `a password has at least ${MIN_PASSWORD_LENGTH} characters`).max(256);

/** Roles as a set: each once, in the order given. */
const rolesSchema = userRolesSchema.transform((roles) => [...new Set(roles)]);

export const newUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(USERNAME_PATTERN, 'a username is 1–64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit'),
  displayName: line(100).trim().min(1),
  roles: rolesSchema,
  password: passwordSchema.optional(),
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const resetPasswordSchema = z.object({ password: passwordSchema });
const optionalPasswordSchema = z.object({ password: passwordSchema.optional() });

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

const separationMessage = 'An account may not hold the administrator role together with a case role (clerk, field staff, officer, supervisor)';

/** Throws `role_separation`, beside the roles field, when the roles mix administration with case work. */
export function assertRoleSeparation(roles: readonly string[]): void {
  if (breaksRoleSeparation(roles)) throw new DomainError('role_separation', separationMessage, { issues: [{ path: 'roles', message: separationMessage }] });
}

function audit(tx: Queryable, actor: Actor, action: string, details: AuditDetails) {
  return appendAudit(tx, { at: actor.now, userName: actor.by, deviceId: actor.deviceId ?? null, action, details });
}

/** Creates an account; without a password one is made and returned, once. */
export async function createUser(db: Database, input: unknown, actor: Actor): Promise<{ username: string; roles: Role[]; password?: string }> {
  const user = parseOrThrow(newUserSchema, input, 'new user');
  assertRoleSeparation(user.roles);
  const generated = user.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(user.password ?? generated ?? '');
  await db.transaction(async (tx) => {
    await insertUser(tx, { username: user.username, displayName: user.displayName, roles: user.roles, passwordHash });
    await audit(tx, actor, 'user.create', { username: user.username, roles: user.roles.join(','), passwordGenerated: generated !== undefined });
  });
  return { username: user.username, roles: user.roles, ...(generated ? { password: generated } : {}) };
}

/** Sets a new password (made here when none is given); also ends the user's sessions and lifts a lock-out. */
export async function resetPassword(db: Database, username: string, password: string | undefined, actor: Actor): Promise<{ password?: string }> {
  const parsed = parseOrThrow(optionalPasswordSchema, { password }, 'new password');
  const generated = parsed.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(parsed.password ?? generated ?? '');
  await db.transaction(async (tx) => {
    if (!(await replacePasswordHash(tx, username, passwordHash))) throw new DomainError('not_found', `No user ${username.toLowerCase()}`, { issues: [{ path: 'username', message: 'no such user' }] });
    await audit(tx, actor, 'user.reset-password', { username: username.toLowerCase(), passwordGenerated: generated !== undefined });
  });
  return generated ? { password: generated } : {};
}

async function lockedUser(tx: Queryable, username: string): Promise<LockedUser> {
  const user = await lockUser(tx, username);
  if (!user) throw new DomainError('not_found', `No user ${username.toLowerCase()}`, { issues: [{ path: 'username', message: 'no such user' }] });
  return user;
}

/** Refuses a change that would leave the bureau without an active administrator. */
async function assertAnotherAdmin(tx: Queryable, user: LockedUser, remainsAdmin: boolean): Promise<void> {
  if (remainsAdmin || !user.roles.includes('admin') || user.disabled) return;
  if ((await otherActiveAdmins(tx, user.username)) === 0) {
    throw new DomainError('conflict', `${user.username} is the last active administrator: make another administrator first`, { issues: [{ path: 'lastAdmin', message: 'the last active administrator' }] });
  }
}

/** Replaces an account's roles (separation kept) and ends its sessions. */
export async function changeRoles(db: Database, username: string, input: unknown, actor: Actor): Promise<UserChangeAnswer> {
  const roles = parseOrThrow(z.object({ roles: rolesSchema }), input, 'roles').roles;
  assertRoleSeparation(roles);
  return db.transaction(async (tx) => {
    const user = await lockedUser(tx, username);
    await assertAnotherAdmin(tx, user, roles.includes('admin'));
    const endedSessions = await replaceRoles(tx, user.id, roles);
    await audit(tx, actor, 'user.roles', { username: user.username, from: user.roles.join(','), to: roles.join(',') });
    return { username: user.username, roles, disabled: user.disabled, endedSessions };
  });
}

/** Disables an account (ending its sessions) or enables it again; a no-op change is still answered. */
export async function setDisabled(db: Database, username: string, disabled: boolean, actor: Actor): Promise<UserChangeAnswer> {
  return db.transaction(async (tx) => {
    const user = await lockedUser(tx, username);
    const roles = knownRoles(user.roles);
    if (user.disabled === disabled) return { username: user.username, roles, disabled, endedSessions: 0 };
    if (disabled) await assertAnotherAdmin(tx, user, false);
    const endedSessions = await setUserDisabled(tx, user.id, disabled ? actor.now : null);
    await audit(tx, actor, disabled ? 'user.disable' : 'user.enable', { username: user.username });
    return { username: user.username, roles, disabled, endedSessions };
  });
}
