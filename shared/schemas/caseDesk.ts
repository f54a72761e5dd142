import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, line, text as multiLine, uuidSchema } from './primitives';
import { decisionLevelSchema } from './unit';

/**
 * A case's life after intake (docs/decisions/0027-case-desk.md): the handling unit it was routed to,
 * the officer on it, the officer's proposal, the decision, how the result was handed over, internal
 * notes. The server owns it; `shared/domain/caseDesk.ts` is the one rule that changes it.
 */

const username = line(64).min(1);
/** Required multi-line text: reasons and notes keep their line breaks (decision 0032). */
const text = (max: number) => multiLine(max).trim().min(1);

/** What the decision grants, for the letter and for reminders (an exemption and from which period, until when). */
export const decisionFactsSchema = z.object({
  granted: line(300).trim().optional(),
  fromPeriod: line(60).trim().optional(),
  expiresOn: isoDateSchema.optional(),
});
export type DecisionFacts = z.infer<typeof decisionFactsSchema>;

export const outcomeSchema = z.enum(['approve', 'reject']);
export type Outcome = z.infer<typeof outcomeSchema>;

export const proposalSchema = z.object({
  outcome: outcomeSchema,
  /** The reasons the citizen will read on the decision notice. */
  reasons: text(2000),
  facts: decisionFactsSchema.optional(),
  by: username,
  at: isoDateTimeSchema,
});
export type Proposal = z.infer<typeof proposalSchema>;

export const decisionSchema = z.object({
  outcome: outcomeSchema,
  reasons: text(2000),
  facts: decisionFactsSchema.optional(),
  level: decisionLevelSchema,
  proposedBy: username.optional(),
  decidedBy: username,
  decidedOn: isoDateSchema,
});
export type Decision = z.infer<typeof decisionSchema>;

export const handoverMethodSchema = z.enum(['pickup', 'mail', 'email', 'on-the-spot']);
export type HandoverMethod = z.infer<typeof handoverMethodSchema>;

export const handoverSchema = z.object({
  method: handoverMethodSchema,
  /** Mail: the register number (掛號號碼). */
  registerNo: line(40).trim().optional(),
  email: line(200).trim().optional(),
  on: isoDateSchema,
  by: username,
});
export type Handover = z.infer<typeof handoverSchema>;

export const deskNoteSchema = z.object({ at: isoDateTimeSchema, by: username, text: text(1000) });
export type DeskNote = z.infer<typeof deskNoteSchema>;

export const caseDeskSchema = z.object({
  unit: line(16).min(1),
  assignee: username.optional(),
  proposal: proposalSchema.optional(),
  /** A supervisor's return, shown on the officer's desk until the next proposal. */
  returned: z.object({ reason: text(2000), by: username, at: isoDateTimeSchema }).optional(),
  decision: decisionSchema.optional(),
  handover: handoverSchema.optional(),
  /** The day the case reached closed or withdrawn. */
  closedOn: isoDateSchema.optional(),
  withdrawal: z.object({ on: isoDateSchema, by: username, reason: multiLine(500).trim().optional(), signatureDocumentId: uuidSchema.optional() }).optional(),
  notes: z.array(deskNoteSchema).max(200).default([]),
});
export type CaseDesk = z.infer<typeof caseDeskSchema>;

/**
 * One step of the desk, as a device sends it (`caseAction` mutation). Every step is checked by
 * `planCaseAction` on the device for an immediate answer and again on the server, which also knows
 * the unit's members.
 */
export const caseActionSchema = z.discriminatedUnion('action', [
  /** An officer of the unit takes an unassigned case. */
  z.object({ action: z.literal('take') }),
  /** The unit's chief gives the case to one of the unit's officers. */
  z.object({ action: z.literal('assign'), officer: username }),
  z.object({ action: z.literal('start-review') }),
  z.object({ action: z.literal('note'), text: text(1000) }),
  /** 補正通知: every missing item at once; the §51 clock pauses until they are supplied. */
  z.object({ action: z.literal('request-documents'), missing: z.array(line(300).trim().min(1)).min(1).max(50), supplementBy: isoDateSchema }),
  z.object({ action: z.literal('documents-supplied') }),
  /** Propose a decision; at the officer's own level it is the decision, otherwise it goes for approval. */
  z.object({ action: z.literal('propose'), outcome: outcomeSchema, reasons: text(2000), facts: decisionFactsSchema.optional() }),
  /** A supervisor's decision on a proposal: approve, reject (with reasons) or return it to the officer. */
  z.object({ action: z.literal('decide'), outcome: z.enum(['approve', 'reject', 'return']), reason: multiLine(2000).trim().optional() }),
  z.object({ action: z.literal('hand-over'), method: handoverMethodSchema.exclude(['on-the-spot']), registerNo: line(40).trim().optional(), email: line(200).trim().optional() }),
  /** Same-day services (隨到隨辦): done and handed over at the counter. */
  z.object({ action: z.literal('complete-on-spot') }),
  /** 撤回 at the applicant's request, with the applicant's signature (a document of the case). */
  z.object({ action: z.literal('withdraw'), reason: multiLine(500).trim().optional(), signatureDocumentId: uuidSchema.optional() }),
]);
export type CaseAction = z.infer<typeof caseActionSchema>;
export type CaseActionName = CaseAction['action'];
