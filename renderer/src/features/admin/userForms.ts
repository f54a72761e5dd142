/**
 * The user forms of the administrator's console — a new account, and an account's roles — checked
 * with the rules the server applies (shared/schemas/userAdmin.ts, shared/domain/roleSeparation.ts), so
 * a mistake shows beside its field before anything is sent; and the server's refusals put back beside
 * the field they are about.
 */
import { breaksRoleSeparation } from '../../../../shared/domain/roleSeparation';
import type { Role } from '../../../../shared/schemas/auth';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN, type NewUserRequest } from '../../../../shared/schemas/userAdmin';
import type { MessageKey } from '../../lib/i18n';
import { ApiError } from '../../sync/api';

export interface NewUserFields {
  username: string;
  displayName: string;
  roles: Role[];
  /** Empty: the server makes one and shows it once. */
  password: string;
}

export const emptyNewUser: NewUserFields = { username: '', displayName: '', roles: [], password: '' };

export type UserFieldErrors = Partial<Record<keyof NewUserFields, MessageKey>>;
export type CheckedUser = { ok: true; value: NewUserRequest } | { ok: false; errors: UserFieldErrors };

/** The roles chosen: at least one, and never the administrator with a case role. */
export function rolesError(roles: readonly Role[]): MessageKey | undefined {
  if (roles.length === 0) return 'admin.rolesRequired';
  return breaksRoleSeparation(roles) ? 'admin.roleSeparation' : undefined;
}

function usernameError(username: string): MessageKey | undefined {
  if (username === '') return 'admin.required';
  return USERNAME_PATTERN.test(username) ? undefined : 'admin.badUsername';
}

function displayNameError(name: string): MessageKey | undefined {
  if (name === '') return 'admin.required';
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  return name.length > 100 || /[\u0000-\u001f\u007f]/.test(name) ? 'admin.badDisplayName' : undefined;
}

function passwordError(password: string): MessageKey | undefined {
  if (password === '') return undefined;
  return password.length < MIN_PASSWORD_LENGTH || password.length > 256 ? 'admin.passwordTooShort' : undefined;
}

/** A new account: username lower-cased and trimmed, name trimmed, roles as chosen, the password as typed. */
export function checkNewUser(fields: NewUserFields): CheckedUser {
  const username = fields.username.trim().toLowerCase();
  const displayName = fields.displayName.trim();
  const errors: UserFieldErrors = {};
  const found = { username: usernameError(username), displayName: displayNameError(displayName), roles: rolesError(fields.roles), password: passwordError(fields.password) };
  for (const [field, key] of Object.entries(found) as [keyof NewUserFields, MessageKey | undefined][]) if (key) errors[field] = key;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { username, displayName, roles: fields.roles, ...(fields.password === '' ? {} : { password: fields.password }) } };
}

/** Where the server's refusal of a user form belongs; undefined for errors not about the form. */
export function userRefusalOf(error: unknown): { field?: keyof NewUserFields; key: MessageKey } | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const path = error.facts.issues?.[0]?.path;
  if (error.code === 'role_separation') return { field: 'roles', key: 'admin.roleSeparation' };
  if (error.code === 'conflict' && path === 'lastAdmin') return { key: 'admin.lastAdmin' };
  if (error.code === 'conflict') return { field: 'username', key: 'admin.usernameTaken' };
  if (error.code === 'not_found') return { key: 'admin.noSuchUser' };
  if (error.code !== 'validation_failed') return undefined;
  if (path === 'username') return { field: 'username', key: 'admin.badUsername' };
  if (path === 'displayName') return { field: 'displayName', key: 'admin.badDisplayName' };
  if (path === 'password') return { field: 'password', key: 'admin.passwordTooShort' };
  if (path?.startsWith('roles')) return { field: 'roles', key: 'admin.rolesRequired' };
  return undefined;
}
