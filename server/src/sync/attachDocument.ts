/**
 * `attachDocument`: adds a document to a case's add-only set.
 *
 * The device pushes this mutation only after the server confirmed the upload (or after it found its
 * local bytes no longer match their hash, see renderer/src/sync/uploadDocuments.ts). A blob the server
 * does not hold is therefore a permanent error for this mutation — `document_missing`, recorded for the
 * clerk to read — rather than a temporary one that would hold every later mutation of the device back.
 * Re-attaching the same document is a no-op; the same document id with other bytes is a conflict.
 *
 * `applyAttachDocuments` gives, for several attachDocument mutations in order, the outcomes that
 * applying them one by one would give, with three statements whatever their number: read the cases,
 * read the blobs, write the changed cases' documents. A push of a day's scans attaches thousands.
 */
import { isTerminal } from '../../../shared/domain/lifecycle';
import type { CaseDocument } from '../../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { findBlobs } from '../documents/blobRecords';
import { findCasesByIds, updateCaseDocuments } from '../store/caseStore';
import type { MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';
import { outOfScope, pushScopeOf } from './scopeCheck';
import { mayChangeCase } from '../authz/caseReach';

export interface AttachDocumentArgs {
  caseId: string;
  documentId: string;
  sha256: string;
  kind: string;
  mime: string;
  size: number;
}

export interface AttachToApply {
  args: AttachDocumentArgs;
  /**
   * The case is created by a later mutation of the same batch, read here already inserted (intakeRun.ts):
   * one by one, this attachment would not have found it.
   */
  caseCreatedLater?: boolean;
}

/** The outcome of each attachment, in order, as applying them one after another would give it. */
export async function applyAttachDocuments(tx: Queryable, attaches: readonly AttachToApply[], context: MutationContext): Promise<MutationOutcome[]> {
  const cases = await findCasesByIds(
    tx,
    attaches.map((attach) => attach.args.caseId),
  );
  const blobs = await findBlobs(
    tx,
    attaches.map((attach) => attach.args.sha256),
  );
  const scope = await pushScopeOf(tx, context);
  // Each case's documents as the attachments before this one left them.
  const documentsOf = new Map<string, CaseDocument[]>();
  const changed = new Set<string>();
  const outcomes = attaches.map(({ args, caseCreatedLater }): MutationOutcome => {
    const stored = caseCreatedLater ? undefined : cases.get(args.caseId);
    if (!stored || stored.deleted) return rejected('case_not_found', `Case ${args.caseId} does not exist on the server`, stored ? [args.caseId] : undefined);
    if (!mayChangeCase(scope, stored)) return outOfScope(stored);
    const record = stored.record;
    const touched = [record.id];
    const documents = documentsOf.get(record.id) ?? record.documents ?? [];
    const existing = documents.find((document) => document.id === args.documentId);
    if (existing) {
      if (existing.sha256 === args.sha256) return { status: 'applied', changedCaseIds: touched };
      return rejected('document_conflict', `Document ${args.documentId} is already attached with other content`, touched);
    }
    if (isTerminal(record.status)) return rejected('case_closed', `Case ${record.caseNo} is ${record.status}: no documents can be added`, touched);
    const blobSize = blobs.get(args.sha256);
    if (blobSize === undefined) return rejected('document_missing', `The server has no verified upload of document ${args.kind} (${args.sha256.slice(0, 12)}…)`, touched);
    if (blobSize !== args.size) {
      return rejected('invalid_mutation', `Document ${args.sha256.slice(0, 12)}… has ${blobSize} bytes on the server, not ${args.size}`, touched);
    }
    const added: CaseDocument = {
      id: args.documentId,
      sha256: args.sha256,
      kind: args.kind,
      mime: args.mime,
      size: args.size,
      attachedAt: context.now.toISOString(),
    };
    documentsOf.set(record.id, [...documents, added]);
    changed.add(record.id);
    return { status: 'applied', changedCaseIds: touched, audit: { action: 'case.attach-document', caseId: record.id, details: { sha256: args.sha256, kind: args.kind } } };
  });
  await updateCaseDocuments(tx, new Map([...changed].map((id) => [id, documentsOf.get(id) ?? []])), context.now);
  return outcomes;
}

export async function applyAttachDocument(tx: Queryable, args: AttachDocumentArgs, context: MutationContext): Promise<MutationOutcome> {
  const [outcome] = await applyAttachDocuments(tx, [{ args }], context);
  if (!outcome) throw new Error('applyAttachDocuments returned no outcome');
  return outcome;
}
