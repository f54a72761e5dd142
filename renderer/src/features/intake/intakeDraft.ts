import { z } from 'zod';
import { checklistStateSchema } from '../../../../shared/schemas/case';
import { emptyFields, intakeFieldsSchema, type IntakeFields } from './validateIntake';
import type { ChecklistState } from '../../../../shared/schemas/case';

/** What an intake draft holds: the raw fields and the checklist marks, exactly as on screen. */
export const intakeDraftSchema = z.object({
  fields: intakeFieldsSchema,
  states: z.record(z.string(), checklistStateSchema),
});
export type IntakeDraft = z.infer<typeof intakeDraftSchema>;

export function draftKey(username: string): string {
  return `intake:${username}`;
}

export function isEmptyDraft(fields: IntakeFields, states: Readonly<Record<string, ChecklistState>>): boolean {
  return Object.keys(states).length === 0 && (Object.keys(emptyFields) as (keyof IntakeFields)[]).every((k) => fields[k] === emptyFields[k]);
}

export function parseDraft(data: unknown): IntakeDraft | undefined {
  const parsed = intakeDraftSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
