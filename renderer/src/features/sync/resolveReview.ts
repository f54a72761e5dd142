/**
 * Resolving a case's "needs review" on the device, through the outbox like any edit, so it works
 * offline (shared/sync/protocol.ts, REVIEW_FIELD, says what the server does with it).
 *
 * The conflicts of one field are decided together: the value the case holds now (the server's, as
 * last pulled) or the newest other value. Keeping the server's queues the resolution alone; taking
 * the other queues an ordinary setField from the value shown, then the resolution, in one
 * transaction, and shows the result at once (optimistic until the server's copy is pulled).
 */
import type { CaseRecord } from '../../../../shared/schemas/case';
import { REVIEW_FIELD, intakeFieldValue, intakeFields } from '../../../../shared/sync/protocol';
import type { FieldConflict, IntakeField, ReviewResolution } from '../../../../shared/sync/protocol';
import { updateCase } from '../../db/caseStore';
import type { MutationIntent } from '../../db/outbox';
import type { CounterDeskDb } from '../../db/database';
import type { LocalCase } from '../../db/records';

/** One field to decide: the value the case holds, the other value proposed, and who proposed it. */
export interface ReviewChoice {
  field: IntakeField;
  serverValue: unknown;
  /** The newest losing edit of this field. */
  otherValue: unknown;
  by: string;
  at: string;
  /** Every conflict of this field the decision settles, by when the server recorded it. */
  conflictsAt: string[];
}

function isIntakeField(field: string): field is IntakeField {
  return (intakeFields as readonly string[]).includes(field);
}

/** The fields a reviewer has to decide, in the order their first conflict arrived. */
export function reviewChoices(record: Pick<LocalCase, 'review'> & CaseRecord): ReviewChoice[] {
  if (!record.review?.needsReview) return [];
  const byField = new Map<IntakeField, FieldConflict[]>();
  for (const conflict of record.review.conflicts) {
    if (!isIntakeField(conflict.field)) continue;
    byField.set(conflict.field, [...(byField.get(conflict.field) ?? []), conflict]);
  }
  return [...byField].flatMap(([field, conflicts]) => {
    const newest = conflicts[conflicts.length - 1];
    if (!newest) return [];
    return [{ field, serverValue: intakeFieldValue(record, field), otherValue: newest.clientValue, by: newest.by, at: newest.at, conflictsAt: conflicts.map((c) => c.at) }];
  });
}

function withValue(record: CaseRecord, field: IntakeField, value: unknown): CaseRecord {
  if (field === 'checklist') return { ...record, checklist: value as CaseRecord['checklist'] };
  return { ...record, applicant: { ...record.applicant, [field.slice('applicant.'.length)]: value } };
}

/** Queues the decision on `choice` and applies it to the local copy. */
export async function resolveReview(caseId: string, choice: ReviewChoice, keep: ReviewResolution['keep'], db?: CounterDeskDb): Promise<LocalCase> {
  return updateCase(
    caseId,
    (current) => {
      const decided = new Set(choice.conflictsAt);
      const remaining = (current.review?.conflicts ?? []).filter((conflict) => conflict.field !== choice.field || !decided.has(conflict.at));
      const { review: _settled, ...rest } = current;
      const base: LocalCase = remaining.length > 0 ? { ...rest, review: { needsReview: true, conflicts: remaining } } : rest;
      const resolution: ReviewResolution = { field: choice.field, conflictsAt: choice.conflictsAt, keep };
      const mutations: MutationIntent[] = [];
      let next: CaseRecord = base;
      if (keep === 'other') {
        mutations.push({ name: 'setField', args: { caseId, field: choice.field, base: intakeFieldValue(current, choice.field), value: choice.otherValue } });
        next = withValue(base, choice.field, choice.otherValue);
      }
      mutations.push({ name: 'setField', args: { caseId, field: REVIEW_FIELD, base: null, value: resolution } });
      return { next, mutations };
    },
    db,
  );
}
