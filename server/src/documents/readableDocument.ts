/**
 * The one check before a document's bytes leave the server: the reader names the case it opens, the
 * session's scope may read that case's documents (authz/caseReach.ts), and that case holds a document
 * with these bytes. Asking by case keeps the check a primary-key read, whatever the number of cases,
 * and lets the audit entry name the case whose document was read.
 */
import type { CaseDocument } from '../../../shared/sync/protocol';
import type { CaseScope } from '../authz/caseScope';
import { mayReadDocuments } from '../authz/caseReach';
import type { Queryable } from '../db/database';
import { findCaseById } from '../store/caseStore';

/** The case's document with these bytes, or undefined when the session may not read it there. */
export async function findReadableDocument(db: Queryable, scope: CaseScope, caseId: string, sha256: string): Promise<CaseDocument | undefined> {
  const stored = await findCaseById(db, caseId);
  if (!stored || !mayReadDocuments(scope, stored)) return undefined;
  return stored.record.documents?.find((document) => document.sha256 === sha256);
}
