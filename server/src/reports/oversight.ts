/**
 * Which handling units a supervisor oversees (分層負責): the director oversees every unit, a chief the
 * units they are chief of, anyone else none. The queue, the reports and the renewal list read only
 * those units' cases; asking for another unit's is refused, not answered empty, so a mistake shows.
 */
import { isChiefOf, isDirector } from '../../../shared/domain/caseDesk';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import type { DeskActor } from '../../../shared/domain/caseDesk';
import type { Role } from '../../../shared/schemas/auth';
import type { Queryable } from '../db/database';
import { DomainError } from '../domain/domainError';
import { membershipsOf } from '../store/unitStore';
import { handlingUnitOfCase } from './caseAssessments';

export interface Oversight {
  actor: DeskActor;
  /** Every unit (the director), or these units. */
  units: 'all' | readonly string[];
}

export async function oversightOf(db: Queryable, user: { username: string; roles: readonly Role[] }): Promise<Oversight> {
  const actor: DeskActor = { username: user.username, roles: user.roles, units: await membershipsOf(db, user.username) };
  if (isDirector(actor)) return { actor, units: 'all' };
  return { actor, units: [...new Set(actor.units.map((m) => m.unit))].filter((unit) => isChiefOf(actor, unit)).sort() };
}

export function oversees(oversight: Oversight, unit: string): boolean {
  return oversight.units === 'all' || oversight.units.includes(unit);
}

/** A filter naming a unit the supervisor does not oversee is refused. */
export function requireOversight(oversight: Oversight, unit: string | undefined): void {
  if (unit !== undefined && !oversees(oversight, unit)) throw new DomainError('forbidden', `You do not oversee unit ${unit}`);
}

/** A case the supervisor may look into: not_found when there is none, forbidden when another unit handles it. */
export async function requireOversightOfCase(db: Queryable, oversight: Oversight, caseId: string): Promise<void> {
  const { rows } = await db.query<{ unit: string | null; service_id: string }>('SELECT unit, service_id FROM cases WHERE id = $1 AND deleted_at IS NULL', [caseId]);
  const found = rows[0];
  if (!found) throw new DomainError('not_found', 'No such case');
  requireOversight(oversight, handlingUnitOfCase(found.unit, found.service_id, defaultCatalogue));
}
