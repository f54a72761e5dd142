/** What a case's documents screen tells its parent about each stored document (signatures excluded). */
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

/** A summary with the bytes, when this computer holds them. */
export interface StoredDocument extends CaseDocumentSummary {
  blob?: Blob;
}
