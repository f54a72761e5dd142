/**
 * A supervisor's decisions on a case, made on this device and sent to the server through the outbox (so
 * they work offline), as steps of the desk (docs/decisions/0027-case-desk.md): the one rule checks each
 * here first, for an immediate answer, and again on the server, which refuses, readably, a step that no
 * longer fits (another supervisor decided first, the decision belongs to another level).
 *
 * - approve / reject: `decide` on the officer's proposal; deciding otherwise than proposed needs reasons.
 * - return: `decide return` with the reason, back to the officer's review; the desk shows the reason.
 * - return for documents: that return, then `request-documents` for what the applicant must supply (the
 *   server opens the §51 pause and sends the deficiency SMS) — a chief may take desk steps, and the
 *   officer resumes the review, reason in view, once the documents are in.
 * - extend: `setField extension {days, reason}` — once per case, at most the original limit (§51).
 */
import { decisionLevelOf, findService } from '../../../../shared/domain/catalogue';
import { SUPPLEMENT_CALENDAR_DAYS } from '../../../../shared/domain/caseDesk';
import type { DeskActor } from '../../../../shared/domain/caseDesk';
import { addDays } from '../../../../shared/domain/isoDate';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import type { CaseAction, Proposal } from '../../../../shared/schemas/caseDesk';
import type { DecisionLevel } from '../../../../shared/schemas/unit';
import { getCase, updateCase } from '../../db/caseStore';
import { takeSteps } from '../../lib/caseSteps';
import { translate } from '../../lib/i18n';
import type { CounterDeskDb } from '../../db/database';
import { getCatalogue } from '../../lib/referenceData';

export type DecisionAction = 'approve' | 'reject' | 'return' | 'return-documents' | 'extend';

export interface CaseDecisions {
  approve(caseId: string, reason?: string): Promise<void>;
  reject(caseId: string, reason: string): Promise<void>;
  /** Back to the officer's review, with the reason the officer will read. */
  returnToOfficer(caseId: string, reason: string): Promise<void>;
  /** `missing`: the documents (as the checklist names them) the applicant must supply. */
  returnForDocuments(caseId: string, reason: string, missing: readonly string[]): Promise<void>;
  extend(caseId: string, days: number, reason: string): Promise<void>;
}

/** A decision this device refuses before storing anything; `key` names its words (lib/errorText reads them). */
export class DecisionRefused extends Error {
  constructor(readonly key: 'decide.chooseDocuments' | 'decide.wholeDays') {
    super(translate('en', key));
    this.name = 'DecisionRefused';
  }
}

/** The decisions as desk steps through renderer/src/lib/caseSteps.ts (and the outbox), as `actor`. */
export function outboxCaseDecisions(actor: DeskActor, onQueued?: () => void, db?: CounterDeskDb): CaseDecisions {
  const steps = async (caseId: string, taken: readonly CaseAction[]) => {
    await takeSteps(caseId, taken, actor, db);
    onQueued?.();
  };
  const reasonOf = (reason: string | undefined) => (reason?.trim() ? { reason: reason.trim() } : {});
  return {
    approve: (caseId, reason) => steps(caseId, [{ action: 'decide', outcome: 'approve', ...reasonOf(reason) }]),
    reject: (caseId, reason) => steps(caseId, [{ action: 'decide', outcome: 'reject', ...reasonOf(reason) }]),
    returnToOfficer: (caseId, reason) => steps(caseId, [{ action: 'decide', outcome: 'return', ...reasonOf(reason) }]),
    returnForDocuments: async (caseId, reason, missing) => {
      if (missing.length === 0) throw new DecisionRefused('decide.chooseDocuments');
      await steps(caseId, [
        { action: 'decide', outcome: 'return', ...reasonOf(reason) },
        { action: 'request-documents', missing: [...missing], supplementBy: addDays(taipeiDate(new Date()), SUPPLEMENT_CALENDAR_DAYS) },
      ]);
    },
    extend: async (caseId, days, reason) => {
      if (!Number.isInteger(days) || days < 1) throw new DecisionRefused('decide.wholeDays');
      await updateCase(caseId, (current) => ({ next: current, mutations: [{ name: 'setField', args: { caseId, field: 'extension', base: null, value: { days, reason } } }] }), db);
      onQueued?.();
    },
  };
}

/** What the dialog asked for, by the decision it confirms. */
export function applyDecision(decisions: CaseDecisions, action: DecisionAction, caseId: string, input: { reason: string; days: number; missing: readonly string[] }): Promise<void> {
  switch (action) {
    case 'approve':
      return decisions.approve(caseId, input.reason);
    case 'reject':
      return decisions.reject(caseId, input.reason);
    case 'return':
      return decisions.returnToOfficer(caseId, input.reason);
    case 'return-documents':
      return decisions.returnForDocuments(caseId, input.reason, input.missing);
    case 'extend':
      return decisions.extend(caseId, input.days, input.reason);
  }
}

/** What a decision is made on, from this device's copy of the case: its documents, the officer's proposal, the level that decides. */
export async function decisionContext(caseId: string, db?: CounterDeskDb): Promise<{ documents: string[]; proposal?: Proposal; level?: DecisionLevel }> {
  const local = await getCase(caseId, db);
  if (!local) return { documents: [] };
  const service = findService(getCatalogue(), local.serviceId);
  return {
    documents: local.checklist.map((item) => item.document),
    ...(local.desk?.proposal ? { proposal: local.desk.proposal } : {}),
    ...(service ? { level: decisionLevelOf(service) } : {}),
  };
}
