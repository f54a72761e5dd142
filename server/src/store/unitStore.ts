/**
 * Handling units and their members (migration 008). The administrator maintains them; the desk reads
 * a user's memberships to check each step (shared/domain/caseDesk.ts).
 */
import type { Unit, UnitMember, UnitMembership, UnitNames } from '../../../shared/schemas/unit';
import { positionSchema } from '../../../shared/schemas/unit';
import type { Queryable } from '../db/database';
import { DomainError } from '../domain/domainError';

/** Which part of a request a refusal is about, so a screen can show it beside its field. */
const noSuchUnit = { issues: [{ path: 'unit', message: 'no such unit' }] };

export async function listUnits(db: Queryable): Promise<Unit[]> {
  const { rows } = await db.query<{ code: string; name_zh: string; name_en: string }>('SELECT code, name_zh, name_en FROM units ORDER BY code');
  return rows.map((row) => ({ code: row.code, nameZh: row.name_zh, nameEn: row.name_en }));
}

export async function listUnitMembers(db: Queryable): Promise<UnitMember[]> {
  const { rows } = await db.query<{ unit_code: string; username: string; position: string; display_name: string | null }>(
    `SELECT m.unit_code, m.username, m.position, u.display_name FROM unit_members m LEFT JOIN users u ON u.username = m.username
      ORDER BY m.unit_code, m.position, m.username`,
  );
  return rows.map((row) => ({
    unit: row.unit_code,
    username: row.username,
    position: positionSchema.parse(row.position),
    ...(row.display_name ? { displayName: row.display_name } : {}),
  }));
}

export async function membershipsOf(db: Queryable, username: string): Promise<UnitMembership[]> {
  const { rows } = await db.query<{ unit_code: string; position: string }>('SELECT unit_code, position FROM unit_members WHERE username = $1 ORDER BY unit_code, position', [username]);
  return rows.map((row) => ({ unit: row.unit_code, position: positionSchema.parse(row.position) }));
}

/** The unit's officers who hold the officer role, for an assignment. */
export async function officersOf(db: Queryable, unit: string): Promise<string[]> {
  const { rows } = await db.query<{ username: string }>(
    `SELECT m.username FROM unit_members m JOIN users u ON u.username = m.username
      WHERE m.unit_code = $1 AND m.position = 'officer' AND 'officer' = ANY(u.roles) AND u.disabled_at IS NULL ORDER BY m.username`,
    [unit],
  );
  return rows.map((row) => row.username);
}

/** Adds a unit; a code already in use is a conflict (a unit is renamed, never re-created). */
export async function insertUnit(db: Queryable, unit: Unit): Promise<void> {
  const { rowCount } = await db.query('INSERT INTO units (code, name_zh, name_en) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING', [unit.code, unit.nameZh, unit.nameEn]);
  if (rowCount === 0) throw new DomainError('conflict', `Unit ${unit.code} exists already`, { issues: [{ path: 'code', message: 'taken' }] });
}

/** Renames a unit and answers the names it had, for the audit; call it in a transaction. */
export async function renameUnit(db: Queryable, unit: Unit): Promise<UnitNames> {
  const { rows } = await db.query<{ name_zh: string; name_en: string }>('SELECT name_zh, name_en FROM units WHERE code = $1 FOR UPDATE', [unit.code]);
  const before = rows[0];
  if (!before) throw new DomainError('not_found', `No unit ${unit.code}`, noSuchUnit);
  await db.query('UPDATE units SET name_zh = $2, name_en = $3 WHERE code = $1', [unit.code, unit.nameZh, unit.nameEn]);
  return { nameZh: before.name_zh, nameEn: before.name_en };
}

/** The roles of an enabled user, or not_found. */
export async function rolesOfUser(db: Queryable, username: string): Promise<string[]> {
  const { rows } = await db.query<{ roles: string[] }>('SELECT roles FROM users WHERE username = $1 AND disabled_at IS NULL', [username]);
  const found = rows[0];
  if (!found) throw new DomainError('not_found', `No user ${username}`, { issues: [{ path: 'username', message: 'no such user' }] });
  return found.roles;
}

/** Gives a person a position in a unit; false when they held it already. */
export async function addMembership(db: Queryable, member: UnitMember): Promise<boolean> {
  const { rowCount: units } = await db.query('SELECT 1 FROM units WHERE code = $1', [member.unit]);
  if (units === 0) throw new DomainError('not_found', `No unit ${member.unit}`, noSuchUnit);
  const { rowCount } = await db.query('INSERT INTO unit_members (unit_code, username, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    member.unit,
    member.username,
    member.position,
  ]);
  return rowCount === 1;
}

/** Takes a position away; not_found when the person did not hold it. */
export async function removeMembership(db: Queryable, member: UnitMember): Promise<void> {
  const { rowCount } = await db.query('DELETE FROM unit_members WHERE unit_code = $1 AND username = $2 AND position = $3', [member.unit, member.username, member.position]);
  if (rowCount === 0) throw new DomainError('not_found', `${member.username} is not ${member.position} of ${member.unit}`);
}
