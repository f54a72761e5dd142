import type { Session } from '../auth/sessions';

/** What applying one mutation came to, before it is recorded. */
export type MutationOutcome =
  | { status: 'applied'; /** Cases whose rows changed and need a new change number. */ changedCaseIds: string[] }
  | { status: 'rejected'; code: RejectionCode; message: string };

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
  'not_supported_yet',
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

export interface MutationContext {
  session: Session;
  now: Date;
  serviceIds: ReadonlySet<string>;
}

export function rejected(code: RejectionCode, message: string): MutationOutcome {
  return { status: 'rejected', code, message };
}
