/**
 * Scope by work (docs/decisions/0030-scope-by-work.md): the cases a session may hold on its device,
 * read and change. One rule, written twice over the same facts — as a predicate on a stored case
 * (mutations, document reads) and as SQL (pull, store/scopedChanges.ts); `caseScope.test.ts` holds
 * the two to the same answers.
 *
 * - A counter session (clerk, officer, supervisor): the cases of the device's station, the cases the
 *   person took in, the cases assigned to them, the unassigned cases of the units they are an officer
 *   of (their desk's pool), and every case of the units they oversee (chief; the director: all).
 * - A field session (the person's only case role is field staff): the cases taken in on this laptop
 *   and nothing else; earlier cases reach the laptop only as the visit plan's summaries.
 * - Anyone else (the administrator): no case at all.
 */
import { createHash } from 'node:crypto';
import { isChiefOf, isDirector, isOfficerOf } from '../../../shared/domain/caseDesk';
import type { DeskActor } from '../../../shared/domain/caseDesk';
import type { Role } from '../../../shared/schemas/auth';
import type { Session } from '../auth/sessions';
import type { Queryable } from '../db/database';
import type { StoredCase } from '../store/caseStore';
import type { PullSelection } from '../store/scopedChanges';
import { membershipsOf } from '../store/unitStore';

export type CaseScope =
  | { kind: 'none' }
  | { kind: 'field'; stationCode: string }
  | {
      kind: 'counter';
      stationCode: string;
      username: string;
      /** Units whose every case is in scope (chief); 'all' for the director. */
      overseen: 'all' | readonly string[];
      /** Units whose unassigned cases are in scope (the officer's pool). */
      pool: readonly string[];
    };

const counterRoles: readonly Role[] = ['clerk', 'officer', 'supervisor'];

/** A field session: field staff without a counter role, whichever computer they sign in on. */
export function isFieldSession(roles: readonly Role[]): boolean {
  return roles.includes('field-staff') && !roles.some((role) => counterRoles.includes(role));
}

/** The scope of a person (roles and unit positions) signed in on a device of `stationCode`. */
export function scopeOfActor(actor: DeskActor, stationCode: string): CaseScope {
  if (isFieldSession(actor.roles)) return { kind: 'field', stationCode };
  if (!actor.roles.some((role) => counterRoles.includes(role))) return { kind: 'none' };
  const units = [...new Set(actor.units.map((membership) => membership.unit))].sort();
  return {
    kind: 'counter',
    stationCode,
    username: actor.username,
    overseen: isDirector(actor) ? 'all' : units.filter((unit) => isChiefOf(actor, unit)),
    pool: units.filter((unit) => isOfficerOf(actor, unit)),
  };
}

/** The session's scope, with its unit positions as they are now. */
export async function caseScopeOf(db: Queryable, session: Pick<Session, 'username' | 'roles' | 'stationCode'>): Promise<CaseScope> {
  return scopeOfActor({ username: session.username, roles: session.roles, units: await membershipsOf(db, session.username) }, session.stationCode);
}

/** Is this stored case (deleted ones never are) in the scope? */
export function inScope(scope: CaseScope, stored: Pick<StoredCase, 'deleted' | 'record'>): boolean {
  if (stored.deleted || scope.kind === 'none') return false;
  const { stationCode, createdBy, desk } = stored.record;
  if (stationCode === scope.stationCode) return true;
  if (scope.kind === 'field') return false;
  if (createdBy === scope.username || desk?.assignee === scope.username) return true;
  if (!desk?.unit) return false;
  if (scope.overseen === 'all' || scope.overseen.includes(desk.unit)) return true;
  return desk.assignee === undefined && scope.pool.includes(desk.unit);
}

/** What pull reads for the scope (store/scopedChanges.ts), with the exits through which a case could have been in it. */
export function pullSelectionOf(scope: CaseScope): PullSelection {
  if (scope.kind === 'none') return { kind: 'nothing' };
  if (scope.kind === 'field') return { kind: 'parts', stationCode: scope.stationCode, username: null, overseen: [], pool: [], holders: [] };
  if (scope.overseen === 'all') return { kind: 'everything' };
  const holders = [`user:${scope.username}`, ...scope.overseen.map((unit) => `unit:${unit}`), ...scope.pool.map((unit) => `pool:${unit}`)];
  return { kind: 'parts', stationCode: scope.stationCode, username: scope.username, overseen: scope.overseen, pool: scope.pool, holders };
}

/** A fingerprint of the scope: a device whose next pull is in another scope starts again from 0. */
export function scopeKeyOf(scope: CaseScope): string {
  return createHash('sha256').update(JSON.stringify(scope), 'utf8').digest('hex');
}
