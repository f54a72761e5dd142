import type { Session } from '../auth/sessions';
import type { AuditDetails } from '../audit/auditChain';
import type { NotificationSettings } from '../notifications/notificationStore';
import type { CaseEventToRecord } from '../notifications/recordCaseEvent';

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

/** Why a mutation was consumed without effect; clients show `message` and may switch on `code`. */
export const rejectionCodes = [
  'invalid_mutation',
  'unknown_mutation',
  'unknown_service',
  'invalid_case_no',
  'station_mismatch',
  'invalid_initial_status',
  'invalid_dates',
  'case_conflict',
  /** The case number is already another case's (two installs numbered from the same range): decision 0016. */
  'case_no_taken',
  'case_not_found',
  'case_closed',
  'unknown_field',
  'server_owned_field',
  'invalid_value',
  'invalid_transition',
  'forbidden_transition',
  'document_missing',
  'document_conflict',
  'extension_refused',
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

export interface MutationContext {
  session: Session;
  now: Date;
  serviceIds: ReadonlySet<string>;
  /** Where SMS links point and the bureau's phone; without them no message is queued (tests of sync alone). */
  notifications?: NotificationSettings;
}

export function rejected(code: RejectionCode, message: string, changedCaseIds?: string[]): MutationOutcome {
  return { status: 'rejected', code, message, ...(changedCaseIds ? { changedCaseIds } : {}) };
}
