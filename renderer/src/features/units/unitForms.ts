/**
 * The units screen's two forms — a unit (code and names) and a position (person and position) — checked
 * with the rules the server applies (shared/schemas/unit.ts), so a mistake shows beside its field before
 * anything is sent; and the server's refusals put back beside the field they are about.
 */
import type { UserSummary } from '../../../../shared/schemas/auth';
import { positionSchema, roleForPosition, unitCodeSchema, unitSchema } from '../../../../shared/schemas/unit';
import type { Position, Unit, UnitMemberRequest, UnitNames } from '../../../../shared/schemas/unit';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { translateBoth, type MessageKey } from '../../lib/i18n';
import { ApiError } from '../../sync/api';

export interface UnitFields {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface MemberFields {
  username: string;
  position: Position;
}

export type FieldErrors<F> = Partial<Record<keyof F, MessageKey>>;
export type Checked<F, V> = { ok: true; value: V } | { ok: false; errors: FieldErrors<F> };

/** A field's error in both languages, for the field it is about. */
export function errorWords(key: MessageKey | undefined): Bilingual | undefined {
  return key === undefined ? undefined : translateBoth(key);
}

export const emptyUnitFields: UnitFields = { code: '', nameZh: '', nameEn: '' };

const nameShape = unitSchema.shape;

function nameError(value: string, schema: typeof nameShape.nameZh): MessageKey | undefined {
  if (value.trim() === '') return 'unit.required';
  return schema.safeParse(value).success ? undefined : 'unit.tooLong';
}

/** The names of a unit, trimmed. */
export function checkNames(fields: Pick<UnitFields, 'nameZh' | 'nameEn'>): Checked<UnitFields, UnitNames> {
  const errors: FieldErrors<UnitFields> = {};
  const zh = nameError(fields.nameZh, nameShape.nameZh);
  const en = nameError(fields.nameEn, nameShape.nameEn);
  if (zh) errors.nameZh = zh;
  if (en) errors.nameEn = en;
  if (zh || en) return { ok: false, errors };
  return { ok: true, value: { nameZh: fields.nameZh.trim(), nameEn: fields.nameEn.trim() } };
}

/** A new unit: its code (upper-cased as typed) and its names. */
export function checkUnit(fields: UnitFields): Checked<UnitFields, Unit> {
  const code = fields.code.trim().toUpperCase();
  const names = checkNames(fields);
  const codeError: MessageKey | undefined = code === '' ? 'unit.required' : unitCodeSchema.safeParse(code).success ? undefined : 'unit.badCode';
  if (!names.ok || codeError) return { ok: false, errors: { ...(names.ok ? {} : names.errors), ...(codeError ? { code: codeError } : {}) } };
  return { ok: true, value: { code, ...names.value } };
}

/**
 * A position for a person. With the accounts at hand (the administrator's list), an unknown person or
 * one without the role the position needs is refused here; the server checks the same again.
 */
export function checkMember(fields: MemberFields, users: readonly UserSummary[] | undefined): Checked<MemberFields, UnitMemberRequest> {
  const username = fields.username.trim().toLowerCase();
  if (username === '') return { ok: false, errors: { username: 'unit.required' } };
  if (!positionSchema.safeParse(fields.position).success) return { ok: false, errors: { position: 'unit.required' } };
  if (users) {
    const user = users.find((candidate) => candidate.username === username && !candidate.disabled);
    if (!user) return { ok: false, errors: { username: 'unit.noSuchUser' } };
    if (!user.roles.includes(roleForPosition[fields.position])) return { ok: false, errors: { position: roleNeeded(fields.position) } };
  }
  return { ok: true, value: { username, position: fields.position } };
}

function roleNeeded(position: Position): MessageKey {
  return roleForPosition[position] === 'officer' ? 'unit.needsOfficerRole' : 'unit.needsSupervisorRole';
}

/**
 * Where the server's refusal of a form belongs: beside a field (a taken code, an unknown person, a
 * position the person's roles do not allow), or above the form (the unit is gone); undefined for
 * errors that are not about the form (offline, signed out), which the screen words as it words any error.
 */
export function refusalOf(error: unknown, position?: Position): { field?: keyof UnitFields | keyof MemberFields; key: MessageKey } | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const path = error.facts.issues?.[0]?.path;
  if (error.code === 'conflict' && path === 'code') return { field: 'code', key: 'unit.codeTaken' };
  if (error.code === 'not_found' && path === 'username') return { field: 'username', key: 'unit.noSuchUser' };
  if (error.code === 'not_found' && path === 'unit') return { key: 'unit.noSuchUnit' };
  if (error.code !== 'validation_failed') return undefined;
  if (path === 'position' && position) return { field: 'position', key: roleNeeded(position) };
  if (path === 'code') return { field: 'code', key: 'unit.badCode' };
  if (path === 'nameZh' || path === 'nameEn') return { field: path, key: 'unit.tooLong' };
  return undefined;
}
