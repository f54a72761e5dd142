/**
 * What the citizen's progress page shows, as JSON (/v1/public/cases/:caseNo?v=) and as the page:
 * the public case (shared/schemas/publicCase.ts) plus the stages the case went through, each with the
 * day it got there (case_events, Asia/Taipei) and named in words in both languages, the stages still
 * ahead, what is missing while the applicant is awaited, the reasons of a refusal, and whether the
 * limit was extended.
 *
 * The stages are the citizen's, not the desk's: received, documents requested and supplied (補正),
 * in review, decided (approved or not), result handed over and closed — or withdrawn. Sending a
 * proposal for approval or returning it stays "in review"; who did what, internal notes and the
 * reasons of internal steps are never shown. Still nothing personal beyond the masked name: document
 * names come from the catalogue, not the applicant.
 */
import { z } from 'zod';
import type { Bilingual } from '../../../shared/domain/bilingual';
import { publicCaseSchema } from '../../../shared/schemas/publicCase';
import type { CaseStatus } from '../../../shared/schemas/case';
import type { CaseDesk, HandoverMethod } from '../../../shared/schemas/caseDesk';
import { isoDateSchema } from '../../../shared/schemas/primitives';

export const progressStages = ['received', 'documents-requested', 'documents-supplied', 'in-review', 'decided', 'closed', 'withdrawn'] as const;
export type ProgressStage = (typeof progressStages)[number];

const wordsSchema = z.object({ zh: z.string(), en: z.string() });

export const publicProgressSchema = publicCaseSchema.extend({
  /** The stages reached, in the order reached, then the ones still ahead. */
  steps: z.array(
    z.object({
      step: z.enum(progressStages),
      state: z.enum(['done', 'current', 'upcoming']),
      /** The day the case reached the stage; null for a stage still ahead. */
      on: isoDateSchema.nullable(),
      label: wordsSchema,
      /** How the result was handed over, for the closing stage. */
      detail: wordsSchema.optional(),
    }),
  ),
  /** While awaiting documents: what is missing, in both languages. */
  missingDocuments: z.array(wordsSchema),
  supplementBy: isoDateSchema.nullable(),
  /** The reasons of a refusal, as written for the applicant's decision notice (the refusal's SMS points here). */
  decisionReasons: z.string().nullable(),
  extended: z.boolean(),
});
export type PublicProgress = z.infer<typeof publicProgressSchema>;
export type ProgressStepView = PublicProgress['steps'][number];

/** A status change of the case history, as the page reads it. */
export interface ProgressEvent {
  on: string;
  from: CaseStatus | null;
  to: CaseStatus;
}

const stageWords: Readonly<Record<ProgressStage, Bilingual>> = {
  received: { zh: '收件', en: 'Received' },
  'documents-requested': { zh: '通知補正文件', en: 'Documents requested' },
  'documents-supplied': { zh: '補正完成', en: 'Documents supplied' },
  'in-review': { zh: '審核', en: 'Review' },
  decided: { zh: '處理結果', en: 'Decision' },
  closed: { zh: '交付結果・結案', en: 'Result handed over, closed' },
  withdrawn: { zh: '撤回申請', en: 'Application withdrawn' },
};

const outcomeWords: Readonly<Record<'approved' | 'rejected', Bilingual>> = {
  approved: { zh: '核准', en: 'Approved' },
  rejected: { zh: '未予核准', en: 'Not approved' },
};

const handoverWords: Readonly<Record<HandoverMethod, Bilingual>> = {
  pickup: { zh: '臨櫃領取', en: 'Collected at a counter' },
  mail: { zh: '郵寄送達', en: 'Sent by post' },
  email: { zh: '電子郵件寄送', en: 'Sent by e-mail' },
  'on-the-spot': { zh: '當場辦結', en: 'Completed at the counter' },
};

/** The stages one status change reaches. */
function stagesOf({ from, to }: ProgressEvent): ProgressStage[] {
  if (from === null) return to === 'awaiting-documents' ? ['received', 'documents-requested'] : ['received'];
  if (to === 'awaiting-documents') return ['documents-requested'];
  if (from === 'awaiting-documents' && to !== 'withdrawn') return to === 'in-review' ? ['documents-supplied', 'in-review'] : ['documents-supplied'];
  switch (to) {
    // A return from approval stays in review for the citizen.
    case 'in-review':
      return from === 'pending-approval' ? [] : ['in-review'];
    case 'approved':
    case 'rejected':
      return ['decided'];
    // A same-day case is decided and handed over in one step.
    case 'closed':
      return from === 'received' ? ['decided', 'closed'] : ['closed'];
    case 'withdrawn':
      return ['withdrawn'];
    default:
      return [];
  }
}

/** What still lies ahead of a case in `status`. */
function stagesAhead(status: CaseStatus): ProgressStage[] {
  switch (status) {
    case 'received':
      return ['in-review', 'decided', 'closed'];
    case 'awaiting-documents':
      return ['documents-supplied', 'in-review', 'decided', 'closed'];
    case 'in-review':
    case 'pending-approval':
      return ['decided', 'closed'];
    case 'approved':
    case 'rejected':
      return ['closed'];
    default:
      return [];
  }
}

/** The decision's outcome, from the desk or, for a case decided before the desk, from the history. */
function outcomeOf(desk: CaseDesk | undefined, history: readonly ProgressEvent[]): 'approved' | 'rejected' | undefined {
  if (desk?.decision) return desk.decision.outcome === 'approve' ? 'approved' : 'rejected';
  const decided = [...history].reverse().find((event) => event.to === 'approved' || event.to === 'rejected');
  return decided?.to === 'approved' || decided?.to === 'rejected' ? decided.to : undefined;
}

function labelled(step: ProgressStage, state: ProgressStepView['state'], on: string | null, outcome: 'approved' | 'rejected' | undefined, desk: CaseDesk | undefined): ProgressStepView {
  const label = step === 'decided' && outcome && state !== 'upcoming' ? outcomeWords[outcome] : stageWords[step];
  const method = step === 'closed' && state !== 'upcoming' ? desk?.handover?.method : undefined;
  return { step, state, on, label, ...(method ? { detail: handoverWords[method] } : {}) };
}

/**
 * The stages with their dates: each status change of the history, in order, gives the stages it
 * reached (a case asked twice for documents shows both requests); the last one reached is current
 * while the case is open; the stages ahead follow. What the intake reached is dated by the case's
 * received day, which an intake synced later does not move.
 */
export function buildSteps(status: CaseStatus, history: readonly ProgressEvent[], receivedOn: string, desk?: CaseDesk): ProgressStepView[] {
  const reached: Array<{ step: ProgressStage; on: string }> = [];
  for (const event of history) {
    for (const step of stagesOf(event)) {
      // A further request for documents is news of its own (its own list and deadline); other repeats are one stage.
      if (reached[reached.length - 1]?.step === step && step !== 'documents-requested') continue;
      reached.push({ step, on: event.from === null ? receivedOn : event.on });
    }
  }
  if (reached.length === 0) reached.push({ step: 'received', on: receivedOn });
  const open = status !== 'closed' && status !== 'withdrawn';
  const outcome = outcomeOf(desk, history);
  return [
    ...reached.map(({ step, on }, index) => labelled(step, open && index === reached.length - 1 ? 'current' : 'done', on, outcome, desk)),
    ...stagesAhead(status).map((step) => labelled(step, 'upcoming', null, outcome, desk)),
  ];
}

/** "申請書 / application form" → both halves; a label without an English half keeps it empty. */
export function splitDocumentLabel(label: string): { zh: string; en: string } {
  const at = label.indexOf(' / ');
  return at < 0 ? { zh: label, en: '' } : { zh: label.slice(0, at), en: label.slice(at + 3) };
}
