/**
 * What the citizen's progress page shows, as JSON (/v1/public/cases/:caseNo?v=) and as the page:
 * the public case (shared/schemas/publicCase.ts) plus the stages with the dates the case reached
 * them, what is missing while the applicant is awaited, and whether the limit was extended. Still
 * nothing personal beyond the masked name: document names come from the catalogue, not the applicant.
 */
import { z } from 'zod';
import { publicCaseSchema } from '../../../shared/schemas/publicCase';
import type { CaseStatus } from '../../../shared/schemas/case';
import { isoDateSchema } from '../../../shared/schemas/primitives';

export const progressSteps = ['received', 'in-review', 'pending-approval', 'decided', 'closed'] as const;
export type ProgressStep = (typeof progressSteps)[number];

export const publicProgressSchema = publicCaseSchema.extend({
  steps: z.array(
    z.object({
      step: z.enum(progressSteps),
      state: z.enum(['done', 'current', 'upcoming']),
      /** The day the case (last) reached the step; null when it has not. */
      on: isoDateSchema.nullable(),
    }),
  ),
  /** While awaiting documents: what is missing, in both languages. */
  missingDocuments: z.array(z.object({ zh: z.string(), en: z.string() })),
  supplementBy: isoDateSchema.nullable(),
  extended: z.boolean(),
});
export type PublicProgress = z.infer<typeof publicProgressSchema>;
export type ProgressStepView = PublicProgress['steps'][number];

/** The step a status belongs to; awaiting documents sits within "received" (補正 before review). */
export function stepOf(status: CaseStatus): ProgressStep | undefined {
  switch (status) {
    case 'received':
    case 'awaiting-documents':
      return 'received';
    case 'in-review':
    case 'pending-approval':
    case 'closed':
      return status;
    case 'approved':
    case 'rejected':
      return 'decided';
    default:
      return undefined;
  }
}

/** "申請書 / application form" → both halves; a label without an English half keeps it empty. */
export function splitDocumentLabel(label: string): { zh: string; en: string } {
  const at = label.indexOf(' / ');
  return at < 0 ? { zh: label, en: '' } : { zh: label.slice(0, at), en: label.slice(at + 3) };
}

/**
 * The five steps with their dates: a step is done when the case has passed it, current when it is
 * there; its date is the last day the case entered it (a case sent back for documents re-enters
 * "received"). A withdrawn case has no current step.
 */
export function buildSteps(status: CaseStatus, history: ReadonlyArray<{ on: string; to: CaseStatus }>, receivedOn: string): ProgressStepView[] {
  const reachedOn = new Map<ProgressStep, string>();
  reachedOn.set('received', receivedOn);
  for (const { on, to } of history) {
    // Waiting for documents is shown apart (what is missing), not as a new date for "received".
    const step = to === 'awaiting-documents' ? undefined : stepOf(to);
    if (step) reachedOn.set(step, on);
  }
  const lastKnown = [...history].reverse().find((change) => stepOf(change.to) !== undefined)?.to;
  const currentStep = stepOf(status) ?? (lastKnown ? stepOf(lastKnown) : undefined);
  const currentIndex = currentStep ? progressSteps.indexOf(currentStep) : -1;
  return progressSteps.map((step, index) => {
    const state = status === 'withdrawn' ? (index <= currentIndex ? 'done' : 'upcoming') : index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming';
    return { step, state, on: state === 'upcoming' ? null : (reachedOn.get(step) ?? null) };
  });
}
