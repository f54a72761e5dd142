import type { StoredDocument } from './caseDocumentSummary';
import { documentTypeLabel } from './ServerDocumentList';

export interface SavedDocumentListProps {
  documents: readonly StoredDocument[];
  kinds: readonly string[];
  /** Whether the server lists documents this computer does not hold (then "none yet" would be wrong). */
  moreOnServer: boolean;
  onOpen: (id: string) => void;
}

/** The documents stored on this computer, grouped by the checklist item they prove (checklist order first). */
export function SavedDocumentList({ documents, kinds, moreOnServer, onOpen }: SavedDocumentListProps) {
  return (
    <section aria-label="已保存文件 Saved documents">
      <h3>已保存文件 Saved documents</h3>
      {documents.length === 0 ? (
        !moreOnServer && <p>尚無文件 · No documents yet</p>
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
                        <button type="button" onClick={() => onOpen(document.id)}>
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
  );
}
