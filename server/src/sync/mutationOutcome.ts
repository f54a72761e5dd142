import type { RejectionCode } from '../../../shared/sync/protocol';
import type { Session } from '../auth/sessions';
import type { AuditDetails } from '../domain/auditChain';
import type { NotificationSettings } from '../notifications/notificationStore';
import type { CaseEventToRecord } from '../notifications/recordCaseEvent';
import type { CaseReferences } from './caseReferences';

/**
 * What applying one mutation came to, before it is recorded. `changedCaseIds` get a new change number
 * so every device pulls them again — also after a rejection or a no-op, because the device that sent
 * the mutation shows its own optimistic value until it pulls the server's.
 */
/**
 * What an applied mutation means outside the case row: the history event (which may queue the
 * citizen's SMS) and the audit entry. applyPush records both in the push's transaction.
 */
export interface AppliedEffects {
  event?: Omit<CaseEventToRecord, 'at' | 'actor'>;
  audit?: { action: string; caseId: string; details?: AuditDetails };
}

export type MutationOutcome =
  | ({ status: 'applied'; changedCaseIds: string[]; conflict?: boolean } & AppliedEffects)
  | { status: 'rejected'; code: RejectionCode; message: string; changedCaseIds?: string[] };


export interface MutationContext {
  session: Session;
  now: Date;
  /** The catalogue and calendar versions cases name, for their due dates (caseReferences.ts). */
  references: CaseReferences;
  /** Where SMS links point and the bureau's phone; without them no message is queued (tests of sync alone). */
  notifications?: NotificationSettings;
  /** The HTTP request's id, quoted in a `cannot_apply` refusal so the clerk can give it to IT. */
  requestId?: string;
  /** Told of each mutation the database refused (applyAlone.ts), for the log: no values, only the code. */
  onCannotApply?: (detail: { mutationId: number; name: string; sqlstate: string }) => void;
}

export function rejected(code: RejectionCode, message: string, changedCaseIds?: string[]): MutationOutcome {
  return { status: 'rejected', code, message, ...(changedCaseIds ? { changedCaseIds } : {}) };
}
