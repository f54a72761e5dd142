/**
 * Handling units and their members (migration 008). The administrator maintains them; the desk reads
 * a user's memberships to check each step (shared/domain/caseDesk.ts).
 */
import type { Position, Unit, UnitMember, UnitMembership } from '../../../shared/schemas/unit';
import { positionSchema } from '../../../shared/schemas/unit';
import type { Queryable } from '../db/database';
import { DomainError } from '../domain/domainError';

export async function listUnits(db: Queryable): Promise<Unit[]> {
  const { rows } = await db.query<{ code: string; name_zh: string; name_en: string }>('SELECT code, name_zh, name_en FROM units ORDER BY code');
  return rows.map((row) => ({ code: row.code, nameZh: row.name_zh, nameEn: row.name_en }));
}

export async function listUnitMembers(db: Queryable): Promise<UnitMember[]> {
  const { rows } = await db.query<{ unit_code: string; username: string; position: string }>(
    'SELECT unit_code, username, position FROM unit_members ORDER BY unit_code, position, username',
  );
  return rows.map((row) => ({ unit: row.unit_code, username: row.username, position: positionSchema.parse(row.position) }));
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

export async function upsertUnit(db: Queryable, unit: Unit): Promise<void> {
  await db.query('INSERT INTO units (code, name_zh, name_en) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET name_zh = $2, name_en = $3', [unit.code, unit.nameZh, unit.nameEn]);
}

/** Adds (or with `remove`, takes away) a person's position in a unit. */
export async function setMembership(db: Queryable, member: { unit: string; username: string; position: Position }, remove = false): Promise<void> {
  if (remove) {
    await db.query('DELETE FROM unit_members WHERE unit_code = $1 AND username = $2 AND position = $3', [member.unit, member.username, member.position]);
    return;
  }
  const { rowCount: units } = await db.query('SELECT 1 FROM units WHERE code = $1', [member.unit]);
  if (units === 0) throw new DomainError('not_found', `No unit ${member.unit}`);
  const { rowCount: users } = await db.query('SELECT 1 FROM users WHERE username = $1', [member.username]);
  if (users === 0) throw new DomainError('not_found', `No user ${member.username}`);
  await db.query('INSERT INTO unit_members (unit_code, username, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [member.unit, member.username, member.position]);
}
