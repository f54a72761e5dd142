import { useEffect, useReducer, useRef, useState } from 'react';
import type { ChecklistItem } from '../../../../shared/schemas/case';
import type { CaseDocument } from '../../../../shared/sync/protocol';
import type { ApiOptions } from '../../sync/api';
import { addDocument, listCaseDocuments } from '../../db/documentStore';
import { signedContentHash } from './signatureKind';
import { describeErrorInBoth, isQuotaError } from '../../lib/errorText';
import { BilingualMessage } from './BilingualMessage';
import { CameraCapture } from './CameraCapture';
import { DocumentViewer } from './DocumentViewer';
import { formatText, type BilingualText } from './documentMessages';
import { addTurn, turnCrop, type CropBox } from './normaliseImage';
import { PageCropper } from './PageCropper';
import { pendingPagesReducer, totalPages, type PendingPage } from './pendingPages';
import { documentBlob, editPage, preparePage } from './preparePage';
import { ScanFolderImport } from './ScanFolderImport';
import { ServerDocumentList, documentTypeLabel } from './ServerDocumentList';
import { StorageMeter } from './StorageMeter';
import { CAPTURE_RESERVE_BYTES, forgetQuotaRefusal, lastQuotaRefusal, rememberQuotaRefusal, storageBudget, type StorageBudget } from './storageBudget';
import { useDocumentFetch } from './useDocumentFetch';
import { defaultLimits, type DocumentLimits } from './validateDocument';

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

export interface CaseDocumentSummary {
  id: string;
  /** The checklist item's document name (the link), or OTHER_KIND. */
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  capturedAt: string;
}

export const OTHER_KIND = '其他文件 / Other document';

interface StoredDocument extends CaseDocumentSummary {
  blob?: Blob;
}

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

interface Notice {
  tone: 'error' | 'warning' | 'info';
  text: BilingualText;
  /** The file the message is about, when there is one. */
  subject?: string;
}

async function readBudget(): Promise<StorageBudget | undefined> {
  if (!navigator.storage?.estimate) return undefined;
  return storageBudget(await navigator.storage.estimate(), CAPTURE_RESERVE_BYTES, lastQuotaRefusal());
}

/** The space can run out while this screen is open (another app, a sync): look again this often. */
const BUDGET_REFRESH_MS = 30_000;

async function loadDocuments(caseId: string): Promise<StoredDocument[]> {
  const rows = await listCaseDocuments(caseId);
  return rows
    .filter((row) => signedContentHash(row.kind) === undefined)
    .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt))
    .map(({ id, kind, mime, size, sha256, capturedAt, blob }) => ({ id, kind, mime, size, sha256, capturedAt, blob }));
}

export function CaseDocuments({ caseId, checklist, onChange, limits = defaultLimits, serverDocuments = [], api }: CaseDocumentsProps) {
  const [pages, dispatch] = useReducer(pendingPagesReducer, []);
  const [documents, setDocuments] = useState<StoredDocument[]>([]);
  const [budget, setBudget] = useState<StorageBudget>();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [kind, setKind] = useState(checklist[0]?.document ?? OTHER_KIND);
  const [camera, setCamera] = useState<{ replace?: string }>();
  const [viewing, setViewing] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [cropping, setCropping] = useState<string>();
  const inputRef = useRef<HTMLInputElement>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // Bumped after every save attempt: the effect below reloads the list and the storage estimate.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void Promise.all([loadDocuments(caseId), readBudget()]).then(([mine, estimate]) => {
      if (cancelled) return;
      setDocuments(mine);
      setBudget(estimate);
      onChangeRef.current?.(mine.map(({ blob: _blob, ...summary }) => summary));
    });
    return () => {
      cancelled = true;
    };
  }, [caseId, version]);

  // Also when the clerk comes back to the window, which is when space freed or used elsewhere shows.
  useEffect(() => {
    let cancelled = false;
    const refresh = () => void readBudget().then((next) => !cancelled && setBudget(next));
    const timer = setInterval(refresh, BUDGET_REFRESH_MS);
    window.addEventListener('focus', refresh);
    return () => {
      cancelled = true;
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, []);

  const addFiles = async (files: readonly File[]) => {
    setBusy(true);
    const next: Notice[] = [];
    let count = totalPages(pages);
    for (const file of files) {
      const prepared = await preparePage(file, file.name, limits);
      if (!prepared.ok) {
        next.push({ tone: 'error', text: prepared.message, subject: file.name });
        continue;
      }
      if (count + prepared.page.pages > limits.maxPages) {
        next.push({ tone: 'error', text: formatText('tooManyPages', { pages: count + prepared.page.pages, limit: limits.maxPages }), subject: file.name });
        continue;
      }
      count += prepared.page.pages;
      dispatch({ type: 'add', page: prepared.page });
    }
    setNotices(next);
    setBusy(false);
  };

  const acceptStill = async (still: Blob) => {
    const replace = camera?.replace;
    setCamera(undefined);
    const prepared = await preparePage(still, '相機 camera', limits);
    if (!prepared.ok) {
      setNotices([{ tone: 'error', text: prepared.message }]);
      return;
    }
    dispatch(replace ? { type: 'replace', id: replace, page: prepared.page } : { type: 'add', page: prepared.page });
  };

  // A turn or crop re-encodes the page from its original, in place; the crop turns with the page.
  const edit = async (page: PendingPage, change: { turn: 90 | -90 } | { crop: CropBox }) => {
    if (!page.image) return;
    setBusy(true);
    try {
      const next =
        'turn' in change
          ? { rotate: addTurn(page.image.rotate, change.turn), crop: turnCrop(page.image.crop, change.turn) }
          : { rotate: page.image.rotate, crop: change.crop };
      dispatch({ type: 'replace', id: page.id, page: await editPage(page, next) });
      setNotices([]);
    } catch (error) {
      setNotices([{ tone: 'error', text: formatText('saveFailed', { reason: describeErrorInBoth(error) }) }]);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setBusy(true);
    try {
      const blob = await documentBlob(pages);
      await addDocument(caseId, kind, blob);
      forgetQuotaRefusal();
      dispatch({ type: 'clear' });
      setNotices([]);
    } catch (error) {
      if (isQuotaError(error)) rememberQuotaRefusal();
      // The transaction rolled back: the case is as it was and the pending pages are still listed.
      setNotices([{ tone: 'error', text: isQuotaError(error) ? formatText('storageFull') : formatText('saveFailed', { reason: describeErrorInBoth(error) }) }]);
    } finally {
      setBusy(false);
      setVersion((value) => value + 1);
    }
  };

  // Fetched and stored sealed: the list reloads from the device, where it now opens offline too.
  const { states: fetches, fetchDocument } = useDocumentFetch(api, caseId, (documentId) => {
    setViewing(documentId);
    setVersion((value) => value + 1);
  });
  const onServerOnly = serverDocuments.filter((document) => signedContentHash(document.kind) === undefined && !documents.some((local) => local.id === document.id && local.blob));

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

      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void addFiles([...event.dataTransfer.files]);
        }}
      >
        <p>將影像或 PDF 拖放到此處 · Drop images or PDFs here</p>
        <label>
          選擇檔案 Choose files
          <input ref={inputRef} type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void addFiles(files);
          }} />
        </label>
        <button type="button" onClick={() => setCamera({})} disabled={camera !== undefined}>
          開啟相機 Open camera
        </button>
        <ScanFolderImport onFiles={addFiles} disabled={busy} />
      </div>

      {camera && <CameraCapture retaking={camera.replace !== undefined} onUse={(still) => void acceptStill(still)} onClose={() => setCamera(undefined)} />}

      {pages.length > 0 && (
        <section aria-label="待保存頁面 Pages to save">
          <h3>
            待保存頁面 Pages to save（{totalPages(pages)}）
          </h3>
          <ol className="pending-pages">
            {pages.map((page, index) => (
              <li key={page.id} data-testid="pending-page">
                {page.image && <PageThumbnail bytes={page.bytes} alt={`第 ${index + 1} 頁預覽 Page ${index + 1} preview`} />}
                <span>
                  {page.origin} · {page.format === 'pdf' ? `PDF ${page.pages} 頁 pages` : 'JPEG'}
                  {page.image && <span data-testid="pending-size"> · {page.image.width}×{page.image.height}</span>}
                </span>
                <button type="button" aria-label={`上移 Move up ${index + 1}`} disabled={index === 0} onClick={() => dispatch({ type: 'move', id: page.id, by: -1 })}>
                  ↑
                </button>
                <button type="button" aria-label={`下移 Move down ${index + 1}`} disabled={index === pages.length - 1} onClick={() => dispatch({ type: 'move', id: page.id, by: 1 })}>
                  ↓
                </button>
                {page.image && (
                  <>
                    <button type="button" aria-label={`向左轉 Rotate left ${index + 1}`} disabled={busy} onClick={() => void edit(page, { turn: -90 })}>
                      ↺ 向左轉 Rotate left
                    </button>
                    <button type="button" aria-label={`向右轉 Rotate right ${index + 1}`} disabled={busy} onClick={() => void edit(page, { turn: 90 })}>
                      ↻ 向右轉 Rotate right
                    </button>
                    <button type="button" aria-label={`裁切 Crop ${index + 1}`} aria-expanded={cropping === page.id} disabled={busy} onClick={() => setCropping(cropping === page.id ? undefined : page.id)}>
                      裁切 Crop
                    </button>
                  </>
                )}
                {page.format === 'jpeg' && (
                  <button type="button" aria-label={`重拍 Retake ${index + 1}`} onClick={() => setCamera({ replace: page.id })}>
                    重拍 Retake
                  </button>
                )}
                <button type="button" aria-label={`移除 Remove ${index + 1}`} onClick={() => dispatch({ type: 'remove', id: page.id })}>
                  ✕
                </button>
                {cropping === page.id && page.image && (
                  <PageCropper
                    pageLabel={String(index + 1)}
                    source={page.image.source}
                    rotate={page.image.rotate}
                    crop={page.image.crop}
                    onApply={(crop) => {
                      setCropping(undefined);
                      void edit(page, { crop });
                    }}
                    onCancel={() => setCropping(undefined)}
                  />
                )}
              </li>
            ))}
          </ol>
          <label>
            證明項目 Proves checklist item{' '}
            <select value={kind} onChange={(event) => setKind(event.target.value)}>
              {kinds.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void save()} disabled={busy}>
            保存文件 Save document
          </button>
          {busy && (
            <p role="status" className="hint small">
              處理中… Processing…
            </p>
          )}
        </section>
      )}

      <section aria-label="已保存文件 Saved documents">
        <h3>已保存文件 Saved documents</h3>
        {documents.length === 0 ? (
          onServerOnly.length === 0 && <p>尚無文件 · No documents yet</p>
        ) : (
          <ul className="saved-documents">
            {kinds
              .filter((option) => documents.some((document) => document.kind === option))
              .concat([...new Set(documents.map((document) => document.kind))].filter((other) => !kinds.includes(other)))
              .map((group) => (
                <li key={group}>
                  <strong>{group}</strong>
                  <ul>
                    {documents
                      .filter((document) => document.kind === group)
                      .map((document) => (
                        <li key={document.id} data-testid="saved-document">
                          <button type="button" onClick={() => setViewing(document.id)}>
                            {documentTypeLabel(document.mime)} · {(document.size / 1024).toFixed(0)} KB · SHA-256 {document.sha256.slice(0, 12)}…
                          </button>
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
          </ul>
        )}
      </section>
      <ServerDocumentList documents={onServerOnly} states={fetches} onOpen={(document) => void fetchDocument(document)} />
      {viewed?.blob && <DocumentViewer blob={viewed.blob} title={viewed.kind} />}
    </section>
  );
}

/** A small picture of a pending image, as it will be stored. */
function PageThumbnail({ bytes, alt }: { bytes: Uint8Array; alt: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    let next: string | undefined;
    // Made after mount, so a mount that is at once undone (StrictMode) leaves no URL behind.
    void Promise.resolve().then(() => {
      if (cancelled) return;
      next = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }));
      setUrl(next);
    });
    return () => {
      cancelled = true;
      if (next) URL.revokeObjectURL(next);
    };
  }, [bytes]);
  return url ? <img className="pending-thumbnail" src={url} alt={alt} style={{ maxWidth: 96, maxHeight: 96, verticalAlign: 'middle' }} /> : null;
}
