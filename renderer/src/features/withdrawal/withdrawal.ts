/**
 * 撤回: the applicant withdraws an open case, signing for it. The signature signs what the applicant is
 * shown — the case and the reason as written — and is stored as a document of the case (its own kind:
 * documents/signatureKind.ts); the `withdraw` step names that document, and the desk rule checks the
 * step here and again on the server.
 */
import type { DeskActor } from '../../../../shared/domain/caseDesk';
import type { CaseRecord } from '../../../../shared/schemas/case';
import { previewStep, takeStep } from '../../lib/caseSteps';
import type { CounterDeskDb } from '../../db/database';
import type { LocalCase } from '../../db/records';
import type { JsonValue } from '../signature/signatureBinding';

/** The most a withdrawal's reason may say (the desk's own limit). */
export const WITHDRAWAL_REASON_MAX = 500;

/** What the applicant signs: which case is withdrawn, whose, and why. */
export function withdrawalContent(record: Pick<CaseRecord, 'caseNo' | 'serviceId' | 'applicant'>, reason: string): JsonValue {
  return { withdraw: record.caseNo, serviceId: record.serviceId, applicant: { idNumber: record.applicant.idNumber, name: record.applicant.name }, reason: reason.trim() };
}

/** Whether the rule lets this person withdraw the case now (the button shows only then). */
export function mayWithdraw(record: CaseRecord, actor: DeskActor): boolean {
  return previewStep(record, { action: 'withdraw' }, actor).ok;
}

/** Withdraws the case with the reason and the signature document; throws StepRefused when the rule says no. */
export function withdrawCase(caseId: string, reason: string, signatureDocumentId: string, actor: DeskActor, db?: CounterDeskDb): Promise<LocalCase> {
  return takeStep(caseId, { action: 'withdraw', reason: reason.trim(), signatureDocumentId }, actor, db);
}
