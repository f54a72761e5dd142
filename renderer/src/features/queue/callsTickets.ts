import type { Role } from '../../../../shared/schemas/auth';

/** The people who call queue tickets at a counter (`queue:call` on the server): clerks and supervisors. */
export function callsTickets(roles: readonly Role[]): boolean {
  return roles.includes('clerk') || roles.includes('supervisor');
}
