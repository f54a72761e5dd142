/**
 * Separation of duties: the administrator manages accounts, devices and reference data; case roles
 * (clerk, field staff, officer, supervisor) read taxpayer data (稅捐稽徵法 §33). One account never holds
 * both, so an administrator cannot make themselves, or anyone, an account that reads what it also
 * administers. The server refuses such a role set when an account is created or its roles change, and
 * refuses every request of an account that still holds one (docs/decisions/0035-administrators-console.md).
 */
import type { Role } from '../schemas/auth';

/** The roles that work on cases and so bring taxpayer data onto a device. */
export const CASE_ROLES: readonly Role[] = ['clerk', 'field-staff', 'officer', 'supervisor'];

/** True when these roles include one that works on cases. */
export function holdsCaseRole(roles: readonly string[]): boolean {
  return roles.some((role) => (CASE_ROLES as readonly string[]).includes(role));
}

/** True when these roles mix the administrator with a case role, which no account may hold. */
export function breaksRoleSeparation(roles: readonly string[]): boolean {
  return roles.includes('admin') && holdsCaseRole(roles);
}
