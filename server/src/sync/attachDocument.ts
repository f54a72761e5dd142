/**
 * `attachDocument`: adds a document to a case's add-only set.
 *
 * The device pushes this mutation only after the server confirmed the upload (or after it found its
 * local bytes no longer match their hash, see renderer/src/sync/uploadDocuments.ts). A blob the server
 * does not hold is therefore a permanent error for this mutation — `document_missing`, recorded for the
 * clerk to read — rather than a temporary one that would hold every later mutation of the device back.
 * Re-attaching the same document is a no-op; the same document id with other bytes is a conflict.
 */
import { isTerminal } from '../../../shared/domain/lifecycle';
import type { CaseDocument } from '../../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { findBlob } from '../documents/blobRecords';
import { findCaseById, updateCase } from '../store/caseStore';
import type { MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';

export async function applyAttachDocument(
  tx: Queryable,
  args: { caseId: string; documentId: string; sha256: string; kind: string; mime: string; size: number },
  context: MutationContext,
): Promise<MutationOutcome> {
  const stored = await findCaseById(tx, args.caseId);
  if (!stored || stored.deleted) return rejected('case_not_found', `Case ${args.caseId} does not exist on the server`);
  const record = stored.record;
  const touched = [record.id];
  const documents = record.documents ?? [];
  const existing = documents.find((document) => document.id === args.documentId);
  if (existing) {
    if (existing.sha256 === args.sha256) return { status: 'applied', changedCaseIds: touched };
    return rejected('document_conflict', `Document ${args.documentId} is already attached with other content`, touched);
  }
  if (isTerminal(record.status)) return rejected('case_closed', `Case ${record.caseNo} is ${record.status}: no documents can be added`, touched);
  const blob = await findBlob(tx, args.sha256);
  if (!blob) return rejected('document_missing', `The server has no verified upload of document ${args.kind} (${args.sha256.slice(0, 12)}…)`, touched);
  if (blob.size !== args.size) {
    return rejected('invalid_mutation', `Document ${args.sha256.slice(0, 12)}… has ${blob.size} bytes on the server, not ${args.size}`, touched);
  }
  const added: CaseDocument = {
    id: args.documentId,
    sha256: args.sha256,
    kind: args.kind,
    mime: args.mime,
    size: args.size,
    attachedAt: context.now.toISOString(),
  };
  await updateCase(tx, record.id, { documents: [...documents, added] }, context.now);
  return { status: 'applied', changedCaseIds: touched, audit: { action: 'case.attach-document', caseId: record.id, details: { sha256: args.sha256, kind: args.kind } } };
}
