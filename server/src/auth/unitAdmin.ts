/**
 * The administrator's upkeep of handling units and who works in them, for the admin routes and the
 * admin command line alike: one validation, and an audit entry in the same transaction as the change.
 *
 * A position is refused to a person whose roles would make it meaningless to the desk rule
 * (shared/domain/caseDesk.ts reads an officer position only with the officer role, a chief's or the
 * director's only with the supervisor role): a membership that silently grants nothing would leave
 * a unit without the desk the administrator believes it has.
 */
import { roleForPosition, unitMemberRequestSchema, unitNamesSchema, unitSchema } from '../../../shared/schemas/unit';
import type { Unit, UnitMember } from '../../../shared/schemas/unit';
import type { Database } from '../db/database';
import { DomainError, parseOrThrow } from '../domain/domainError';
import { appendAudit } from '../store/auditStore';
import { addMembership, insertUnit, removeMembership, renameUnit, rolesOfUser } from '../store/unitStore';
import type { Actor } from './userAdmin';

const auditOf = (actor: Actor) => ({ at: actor.now, userName: actor.by, deviceId: actor.deviceId ?? null });

export async function createUnit(db: Database, input: unknown, actor: Actor): Promise<Unit> {
  const unit = parseOrThrow(unitSchema, input, 'unit');
  await db.transaction(async (tx) => {
    await insertUnit(tx, unit);
    await appendAudit(tx, { ...auditOf(actor), action: 'unit.create', details: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn } });
  });
  return unit;
}

export async function changeUnitNames(db: Database, code: string, input: unknown, actor: Actor): Promise<Unit> {
  const unit = { code, ...parseOrThrow(unitNamesSchema, input, 'unit names') };
  await db.transaction(async (tx) => {
    const before = await renameUnit(tx, unit);
    await appendAudit(tx, {
      ...auditOf(actor),
      action: 'unit.rename',
      details: { code, fromZh: before.nameZh, fromEn: before.nameEn, nameZh: unit.nameZh, nameEn: unit.nameEn },
    });
  });
  return unit;
}

/** Gives a person a position; `added` is false (and nothing is audited) when they held it already. */
export async function addUnitMember(db: Database, unit: string, input: unknown, actor: Actor): Promise<{ member: UnitMember; added: boolean }> {
  const request = parseOrThrow(unitMemberRequestSchema, input, 'unit member');
  const member = { unit, ...request };
  const added = await db.transaction(async (tx) => {
    const roles = await rolesOfUser(tx, member.username);
    const needed = roleForPosition[member.position];
    if (!roles.includes(needed)) {
      throw new DomainError('validation_failed', `${member.username} needs the ${needed} role to be ${member.position} of a unit`, {
        issues: [{ path: 'position', message: `needs the ${needed} role` }],
      });
    }
    const inserted = await addMembership(tx, member);
    if (inserted) await appendAudit(tx, { ...auditOf(actor), action: 'unit.member-add', details: { unit, username: member.username, position: member.position } });
    return inserted;
  });
  return { member, added };
}

export async function removeUnitMember(db: Database, unit: string, input: unknown, actor: Actor): Promise<void> {
  const member = { unit, ...parseOrThrow(unitMemberRequestSchema, input, 'unit member') };
  await db.transaction(async (tx) => {
    await removeMembership(tx, member);
    await appendAudit(tx, { ...auditOf(actor), action: 'unit.member-remove', details: { unit, username: member.username, position: member.position } });
  });
}
