/**
 * Which cases a session may see. Today that is what pull serves every role allowed `sync:pull`: every
 * case the server holds that has synced (it has a change number) and is not deleted. The least-privilege
 * scope (by station, unit or assignment) will narrow this one function; the document read already asks it,
 * so a document is never served outside the cases its reader may see.
 */
import type { Session } from '../auth/sessions';
import type { StoredCase } from '../store/caseStore';

export function mayReadCase(_session: Session, stored: StoredCase): boolean {
  return !stored.deleted && stored.serverSeq !== null;
}
