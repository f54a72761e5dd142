/**
 * Who may do what: the one table of role × action. Every route names one action in its route config
 * (or says it is public, or needs only the device's credential), and authorization.ts refuses to
 * register a route that does not, so no route is left unguarded by omission.
 *
 * Least privilege: the administrator manages users, devices and reference data but reads no taxpayer
 * data (稅捐稽徵法 §33), so admin holds none of the case actions, and no account holds admin together with a
 * case role (shared/domain/roleSeparation.ts): a person who does both has two accounts.
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
  'unit:manage',
  'visit:plan',
  'visit:read',
  'visit:report',
  'user:manage',
  'server:health',
  'case:lookup',
  'queue:issue',
  'queue:call',
  'queue:plan',
  'rating:read',
  'petition:manage',
  'catalogue:edit',
] as const;
export type Action = (typeof actions)[number];

/**
 * How a route is guarded: anyone, any enrolled workstation without a user, an enrolled ticket kiosk
 * (no user; refused everywhere else), or a signed-in user allowed `Action`.
 */
export type RouteAction = Action | 'public' | 'device' | 'kiosk';

export const roles: readonly Role[] = roleSchema.options;

/**
 * Who works on cases: counter staff take them in, officers (承辦人) work the cases of their desks after
 * intake. Which case and which step is the desk rule's (shared/domain/caseDesk.ts), checked per mutation.
 */
const caseWorkers: readonly Role[] = ['clerk', 'field-staff', 'officer', 'supervisor'];
const everyone: readonly Role[] = roles;

/** The table. Each row: an action and the roles allowed it; every other role is denied. */
export const permissionTable: Readonly<Record<Action, readonly Role[]>> = {
  'session:end': everyone,
  'sync:push': caseWorkers,
  'sync:pull': caseWorkers,
  // Blocks of the station's case numbers (decision 0016). They belong to the install, not the person:
  // any sync of a device tops them up, an officer's too, for the clerk who signs in on it next.
  'case-number:reserve': caseWorkers,
  'document:upload': caseWorkers,
  'document:read': caseWorkers,
  'reference:read': everyone,
  // The supervisor's queue and deadline extensions; who decides a case is the desk rule's (its level).
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
  // Handling units and who holds which position in them (docs/decisions/0027-case-desk.md).
  'unit:manage': ['admin'],
  // Field visits (到府服務): supervisors plan them; field staff download their day and report each
  // visit; a supervisor may report one done in a worker's stead.
  'visit:plan': ['supervisor'],
  'visit:read': ['field-staff', 'supervisor'],
  'visit:report': ['field-staff', 'supervisor'],
  // Change an account's roles, disable or enable it (docs/decisions/0035-administrators-console.md).
  'user:manage': ['admin'],
  // The server's detailed health: version, database, queues; never taxpayer data.
  'server:health': ['admin'],
  // The online lookup of a case outside one's scope, with a reason, audited, read-only (decision 0030).
  'case:lookup': caseWorkers,
  // The front office's queue (docs/decisions/0036-front-office-queue.md). Counter staff issue the
  // counter's 免抽號 tickets and the lane's cars and call the queue; a supervisor stands in at a counter.
  // Officers work behind the counters and field staff at homes: neither calls a ticket.
  'queue:issue': ['clerk', 'supervisor'],
  'queue:call': ['clerk', 'supervisor'],
  // Which counter calls which groups today: the supervisor's plan of the day.
  'queue:plan': ['supervisor'],
  // The citizens' low ratings of the day and their acknowledgement, and the complaints (陳情) opened
  // from them: the supervisor answers for the counters' service (docs/decisions/0037-ratings-reach-the-bureau.md).
  'rating:read': ['supervisor'],
  'petition:manage': ['supervisor'],
  // Editing the service catalogue, previewing and publishing it (docs/decisions/0041-catalogue-editing.md):
  // the bureau's chiefs answer for the services, their limits and documents; the administrator keeps
  // `reference:publish` for loading a whole file from the command line, and reads no drafts.
  'catalogue:edit': ['supervisor'],
};

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (actions as readonly string[]).includes(value);
}

export function isRouteAction(value: unknown): value is RouteAction {
  return value === 'public' || value === 'device' || value === 'kiosk' || isAction(value);
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
