import type { CaseDocument } from '../../../shared/sync/protocol';
import type { DocumentRow } from '../db/counterRecords';
import { getDb, type CounterDeskDb } from '../db/database';
import { openStoredDocument, storeFetchedDocument } from '../db/documentStore';
import type { ApiOptions } from './api';
import { downloadDocument, type DownloadOptions } from './downloadDocument';

/**
 * A case's document with its plain bytes: the copy on this device when there is one (made here, or
 * fetched before: no network needed), else fetched from the server, verified and kept sealed, so that
 * it opens offline afterwards. Only on demand: pulling a case never fetches its documents (decision 0018).
 */
export async function fetchCaseDocument(
  api: ApiOptions,
  caseId: string,
  document: CaseDocument,
  options: DownloadOptions & { db?: CounterDeskDb } = {},
): Promise<DocumentRow & { blob: Blob }> {
  const db = options.db ?? getDb();
  const local = await openStoredDocument(document.id, db);
  if (local) return local;
  const verified = await downloadDocument(api, caseId, document, options);
  const row = await storeFetchedDocument(caseId, document, verified, db);
  const blob = row.blob ?? new Blob([verified.bytes], { type: document.mime });
  return { ...row, blob };
}
