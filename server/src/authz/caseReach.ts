/**
 * What a session may do with one stored case, by its scope (authz/caseScope.ts, decision 0030): read
 * it, read its documents' bytes, change it. Pull, the document read and every mutation on a stored
 * case ask here, so the three cannot drift apart.
 */
import type { StoredCase } from '../store/caseStore';
import type { CaseScope } from './caseScope';
import { inScope } from './caseScope';

export function mayReadCase(scope: CaseScope, stored: StoredCase): boolean {
  return inScope(scope, stored);
}

/** A field laptop reads the documents only of the cases taken in on it (they are its own scans). */
export function mayReadDocuments(scope: CaseScope, stored: StoredCase): boolean {
  return inScope(scope, stored) && (scope.kind !== 'field' || stored.record.stationCode === scope.stationCode);
}

/** Every mutation of a stored case: only inside the scope, so a device never changes what it may not hold. */
export function mayChangeCase(scope: CaseScope, stored: StoredCase): boolean {
  return inScope(scope, stored);
}
