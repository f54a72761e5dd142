import { z } from 'zod';
import { line } from './primitives';

/**
 * Handling units (財產稅科, 消費稅科, 服務科, 第一分局 …) and who works in them. Units are reference
 * data the administrator maintains; the catalogue names the unit that handles each service, and a case
 * is routed to it when the server first sees it (docs/decisions/0027-case-desk.md).
 *
 * A position is what a person may do in a unit: an `officer` (承辦人) reviews and proposes, a `chief`
 * (科長) decides the services whose level is `chief`, a `director` (局長, recorded on any unit) decides
 * those whose level is `director`, bureau-wide.
 */
export const unitCodeSchema = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,15}$/, 'a unit code is 2–16 capital letters, digits or hyphens');

export const unitSchema = z.object({
  code: unitCodeSchema,
  nameZh: line(60).trim().min(1),
  nameEn: line(120).trim().min(1),
});
export type Unit = z.infer<typeof unitSchema>;

export const positionSchema = z.enum(['officer', 'chief', 'director']);
export type Position = z.infer<typeof positionSchema>;

export const unitMembershipSchema = z.object({ unit: unitCodeSchema, position: positionSchema });
export type UnitMembership = z.infer<typeof unitMembershipSchema>;

export const unitMemberSchema = unitMembershipSchema.extend({
  username: line(64).min(1),
  /** The person's name as the users table holds it, for screens that list people; older servers send none. */
  displayName: z.string().optional(),
});
export type UnitMember = z.infer<typeof unitMemberSchema>;

export const unitsResponseSchema = z.object({ units: z.array(unitSchema), members: z.array(unitMemberSchema) });
export type UnitsResponse = z.infer<typeof unitsResponseSchema>;

/** The administrator's requests: a unit's names (its code never changes once cases are routed to it), a position. */
export const unitNamesSchema = unitSchema.omit({ code: true });
export type UnitNames = z.infer<typeof unitNamesSchema>;

export const unitMemberRequestSchema = z.object({
  username: line(64).trim().toLowerCase().min(1),
  position: positionSchema,
});
export type UnitMemberRequest = z.infer<typeof unitMemberRequestSchema>;

/** The role a position needs to mean anything to the desk rule (shared/domain/caseDesk.ts). */
export const roleForPosition: Readonly<Record<Position, 'officer' | 'supervisor'>> = { officer: 'officer', chief: 'supervisor', director: 'supervisor' };

/** Who decides a service's cases (分層負責): the officer alone, the unit's chief, or the director. */
export const decisionLevelSchema = z.enum(['officer', 'chief', 'director']);
export type DecisionLevel = z.infer<typeof decisionLevelSchema>;

/** The answers to the administrator's requests. */
export const unitAnswerSchema = z.object({ unit: unitSchema });
export const unitMemberAnswerSchema = z.object({ member: unitMemberSchema, added: z.boolean() });
export const unitMemberRemovedSchema = z.object({ ok: z.literal(true) });
