/**
 * A supervisor's decisions on a case, made on this device and sent to the server as mutations through
 * the outbox (so they work offline). The shared lifecycle is checked here first, for an immediate
 * answer; the server checks it again when the mutation arrives and rejects it, readably, if the case
 * has moved on meanwhile (another supervisor decided it).
 *
 * - approve / reject: `transition` pending-approval → approved | rejected, with the reason.
 * - return for documents: back to review if pending, then `transition` → awaiting-documents (the
 *   server opens the §51 pause and sends the deficiency SMS), and a `setField checklist` marking the
 *   documents missing, which the deficiency notice lists.
 * - extend: `setField extension {days, reason}` — once per case, at most the original limit (§51).
 */
import { checkTransition } from '../../../../shared/domain/lifecycle';
import type { Role } from '../../../../shared/schemas/auth';
import type { CaseRecord, CaseStatus, ChecklistItem } from '../../../../shared/schemas/case';
import { updateCase } from '../../db/caseStore';
import type { MutationIntent } from '../../db/outbox';
import type { CounterDeskDb } from '../../db/database';

export interface CaseDecisions {
  approve(caseId: string, reason?: string): Promise<void>;
  reject(caseId: string, reason: string): Promise<void>;
  /** `missing`: the checklist documents (as the checklist names them) the applicant must supply. */
  returnForDocuments(caseId: string, reason: string, missing: readonly string[]): Promise<void>;
  extend(caseId: string, days: number, reason: string): Promise<void>;
}

export class DecisionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecisionRefused';
  }
}

function moves(record: CaseRecord, path: readonly CaseStatus[], roles: readonly Role[], reason?: string): MutationIntent[] {
  let from = record.status;
  return path.map((to) => {
    const check = checkTransition(from, to, roles);
    if (!check.ok) throw new DecisionRefused(`${check.message.zh} ${check.message.en}`);
    from = to;
    return { name: 'transition', args: { caseId: record.id, to, ...(reason ? { reason } : {}) } };
  });
}

/** The decisions as outbox writes through renderer/src/db/caseStore.ts and outbox.ts. */
export function outboxCaseDecisions(roles: readonly Role[], onQueued?: () => void, db?: CounterDeskDb): CaseDecisions {
  const decide = async (caseId: string, plan: (current: CaseRecord) => { next: CaseRecord; mutations: MutationIntent[] }) => {
    await updateCase(caseId, (current) => plan(current), db);
    onQueued?.();
  };
  return {
    approve: (caseId, reason) => decide(caseId, (current) => ({ next: { ...current, status: 'approved' }, mutations: moves(current, ['approved'], roles, reason) })),
    reject: (caseId, reason) => decide(caseId, (current) => ({ next: { ...current, status: 'rejected' }, mutations: moves(current, ['rejected'], roles, reason) })),
    returnForDocuments: (caseId, reason, missing) =>
      decide(caseId, (current) => {
        const path: CaseStatus[] = current.status === 'pending-approval' ? ['in-review', 'awaiting-documents'] : ['awaiting-documents'];
        const checklist: ChecklistItem[] = current.checklist.map((item) => (missing.includes(item.document) ? { ...item, state: 'missing' } : item));
        const mutations = moves(current, path, roles, reason);
        if (missing.length > 0) mutations.unshift({ name: 'setField', args: { caseId, field: 'checklist', base: current.checklist, value: checklist } });
        return { next: { ...current, checklist, status: 'awaiting-documents' }, mutations };
      }),
    extend: (caseId, days, reason) =>
      decide(caseId, (current) => {
        if (!Number.isInteger(days) || days < 1) throw new DecisionRefused('延長日數須為正整數 The extension must be a whole number of days.');
        return { next: current, mutations: [{ name: 'setField', args: { caseId, field: 'extension', base: null, value: { days, reason } } }] };
      }),
  };
}
