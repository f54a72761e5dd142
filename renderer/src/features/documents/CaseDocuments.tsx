import { useState } from 'react';
import type { ChecklistItem } from '../../../../shared/schemas/case';
import type { CaseDocument } from '../../../../shared/sync/protocol';
import type { ApiOptions } from '../../sync/api';
import { BilingualMessage } from './BilingualMessage';
import { CameraCapture } from './CameraCapture';
import { OTHER_KIND, type CaseDocumentSummary } from './caseDocumentSummary';
import { DocumentDropZone } from './DocumentDropZone';
import { DocumentViewer } from './DocumentViewer';
import { PendingPageList } from './PendingPageList';
import { SavedDocumentList } from './SavedDocumentList';
import { ServerDocumentList } from './ServerDocumentList';
import { isSignatureKind } from './signatureKind';
import { StorageMeter } from './StorageMeter';
import { useDocumentFetch } from './useDocumentFetch';
import { usePendingPages } from './usePendingPages';
import { useSavedDocuments } from './useSavedDocuments';
import { defaultLimits, type DocumentLimits } from './validateDocument';

export { OTHER_KIND, type CaseDocumentSummary } from './caseDocumentSummary';

/**
 * A case's scanned documents: capture or import pages, order them, save them as one document linked
 * to the checklist item it proves, and view what is stored.
 *
 * Invariants: a document is stored only by addDocument, whose one transaction writes the bytes, the
 * upload row and the outbox mutation together — a failed write (full disk, quota) leaves the case as it
 * was and the pending pages in place to retry. Every refused file is named with its reason in both
 * languages; nothing the clerk added is dropped silently. Documents another computer attached are
 * listed from the pulled case and fetched when opened (ServerDocumentList, decision 0018).
 */

export interface CaseDocumentsProps {
  caseId: string;
  checklist: readonly ChecklistItem[];
  /** Called with the case's documents (signatures excluded) after each save, and once on load. */
  onChange?: (documents: readonly CaseDocumentSummary[]) => void;
  limits?: DocumentLimits;
  /** The documents the server holds for the case (the pulled record): those not on this computer are fetched when opened. */
  serverDocuments?: readonly CaseDocument[];
  /** The session's server; without it a document not on this computer cannot be opened. */
  api?: ApiOptions;
}

export function CaseDocuments({ caseId, checklist, onChange, limits = defaultLimits, serverDocuments = [], api }: CaseDocumentsProps) {
  const [kind, setKind] = useState(checklist[0]?.document ?? OTHER_KIND);
  const [camera, setCamera] = useState<{ replace?: string }>();
  const [viewing, setViewing] = useState<string>();
  // Every save attempt reloads the list and the storage estimate.
  const { documents, budget, reload } = useSavedDocuments(caseId, onChange);
  const { pages, dispatch, notices, busy, addFiles, addStill, edit, save } = usePendingPages(caseId, limits, reload);

  const acceptStill = (still: Blob) => {
    const replace = camera?.replace;
    setCamera(undefined);
    void addStill(still, replace);
  };

  // Fetched and stored sealed: the list reloads from the device, where it now opens offline too.
  const { states: fetches, fetchDocument } = useDocumentFetch(api, caseId, (documentId) => {
    setViewing(documentId);
    reload();
  });
  const onServerOnly = serverDocuments.filter((document) => !isSignatureKind(document.kind) && !documents.some((local) => local.id === document.id && local.blob));

  const viewed = documents.find((document) => document.id === viewing);
  const kinds = [...checklist.map((item) => item.document), OTHER_KIND];

  return (
    <section className="case-documents" aria-label="掃描文件 Scanned documents">
      <StorageMeter budget={budget} />
      {notices.map((notice, index) => (
        <div key={index} className="document-notice">
          {notice.subject && <strong>{notice.subject}</strong>}
          <BilingualMessage tone={notice.tone} text={notice.text} />
        </div>
      ))}
      <DocumentDropZone onFiles={addFiles} onOpenCamera={() => setCamera({})} cameraOpen={camera !== undefined} busy={busy} />
      {camera && <CameraCapture retaking={camera.replace !== undefined} onUse={acceptStill} onClose={() => setCamera(undefined)} />}
      {pages.length > 0 && (
        <PendingPageList
          pages={pages}
          busy={busy}
          dispatch={dispatch}
          onEdit={(page, change) => void edit(page, change)}
          onRetake={(id) => setCamera({ replace: id })}
          kinds={kinds}
          kind={kind}
          onKind={setKind}
          onSave={() => void save(kind)}
        />
      )}
      <SavedDocumentList documents={documents} kinds={kinds} moreOnServer={onServerOnly.length > 0} onOpen={setViewing} />
      <ServerDocumentList documents={onServerOnly} states={fetches} onOpen={(document) => void fetchDocument(document)} />
      {viewed?.blob && <DocumentViewer blob={viewed.blob} title={viewed.kind} />}
    </section>
  );
}
