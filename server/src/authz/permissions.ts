/**
 * Who may do what: the one table of role × action. Every route names one action in its route config
 * (or says it is public, or needs only the device's credential), and authorization.ts refuses to
 * register a route that does not, so no route is left unguarded by omission.
 *
 * Least privilege: the administrator manages users, devices and reference data but reads no taxpayer
 * data (稅捐稽徵法 §33), so admin holds none of the case actions; a person who needs both has both roles.
 */
import type { Role } from '../../../shared/schemas/auth';
import { roleSchema } from '../../../shared/schemas/auth';

export const actions = [
  'session:end',
  'sync:push',
  'sync:pull',
  'case-number:reserve',
  'document:upload',
  'document:read',
  'reference:read',
  'case:approve',
  'report:read',
  'audit:push',
  'audit:read',
  'audit:verify',
  'device:enrol',
  'device:read',
  'device:revoke',
  'user:create',
  'user:read',
  'user:reset-password',
  'reference:publish',
  'visit:plan',
  'visit:read',
  'visit:report',
] as const;
export type Action = (typeof actions)[number];

/** How a route is guarded: anyone, any enrolled device without a user, or a signed-in user allowed `Action`. */
export type RouteAction = Action | 'public' | 'device';

export const roles: readonly Role[] = roleSchema.options;

/**
 * Whoever works cases on a device: takes them in at the counter, the lane or a visit, or handles them on
 * the desk. An officer pushes the desk's steps, pulls the unit's cases, reads and adds their documents
 * (a supplement sent by mail) and numbers a case the bureau opens itself (主動立案).
 */
const counterStaff: readonly Role[] = ['clerk', 'field-staff', 'officer', 'supervisor'];
const everyone: readonly Role[] = roles;

/** The table. Each row: an action and the roles allowed it; every other role is denied. */
export const permissionTable: Readonly<Record<Action, readonly Role[]>> = {
  'session:end': everyone,
  'sync:push': counterStaff,
  'sync:pull': counterStaff,
  // Blocks of the station's case numbers, for whoever takes cases on the device (decision 0016).
  'case-number:reserve': counterStaff,
  'document:upload': counterStaff,
  'document:read': counterStaff,
  'reference:read': everyone,
  // Approving, rejecting or returning a case (a `transition` to approved | rejected).
  'case:approve': ['supervisor'],
  'report:read': ['supervisor'],
  // A device pushes the local audit entries of whoever used it; every signed-in user may carry them.
  'audit:push': everyone,
  'audit:read': ['supervisor', 'admin'],
  'audit:verify': ['admin'],
  'device:enrol': ['admin'],
  'device:read': ['admin'],
  'device:revoke': ['admin'],
  'user:create': ['admin'],
  'user:read': ['admin'],
  'user:reset-password': ['admin'],
  'reference:publish': ['admin'],
  // Field visits (到府服務): supervisors plan them; field staff download their day and report each
  // visit; a supervisor may report one done in a worker's stead.
  'visit:plan': ['supervisor'],
  'visit:read': ['field-staff', 'supervisor'],
  'visit:report': ['field-staff', 'supervisor'],
};

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (actions as readonly string[]).includes(value);
}

export function isRouteAction(value: unknown): value is RouteAction {
  return value === 'public' || value === 'device' || isAction(value);
}

/** True when any of `userRoles` is allowed `action`. */
export function can(userRoles: readonly Role[], action: Action): boolean {
  const allowed = permissionTable[action];
  return userRoles.some((role) => allowed.includes(role));
}

/**
 * Entitled to a device's data: may bring taxpayer data onto a device (sync:pull), i.e. clerk, field
 * staff, officer and supervisor. Such a user signing in online on a device is released the install's escrow
 * key (docs/decisions/0017-shared-device-escrow.md); the administrator, who reads no taxpayer data, is not.
 */
export function entitledToDeviceData(userRoles: readonly Role[]): boolean {
  return can(userRoles, 'sync:pull');
}
