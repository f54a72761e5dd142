/**
 * The pages of the document being put together, before it is saved: camera shots and imported files
 * in the clerk's order.
 *
 * Invariants: every operation returns a new list (React state); a page id appears once; a retake
 * replaces the page in place, so the order the clerk set survives; nothing here touches storage, so
 * until the save commits the pages live only here — and stay here when a save fails.
 */
import type { CropBox, QuarterTurn } from './normaliseImage';

export interface PendingPage {
  id: string;
  /** Images are normalised to JPEG on the way in; PDFs are kept as imported. */
  format: 'jpeg' | 'pdf';
  bytes: Uint8Array;
  pages: number;
  /** Where it came from, shown to the clerk: a file name or "camera". */
  origin: string;
  /** Taken from the scan folder: the host's name for the file, released once the document is stored. */
  scanned?: string;
  /**
   * An image's turn and crop, and the file or camera still they apply to: every edit re-encodes from
   * this original, so turning or cropping twice never compresses the page twice.
   */
  image?: { source: Blob; rotate: QuarterTurn; crop: CropBox; width: number; height: number };
}

export type PageAction =
  | { type: 'add'; page: PendingPage }
  | { type: 'remove'; id: string }
  | { type: 'move'; id: string; by: -1 | 1 }
  | { type: 'replace'; id: string; page: PendingPage }
  | { type: 'clear' };

export function pendingPagesReducer(pages: readonly PendingPage[], action: PageAction): PendingPage[] {
  switch (action.type) {
    case 'add':
      return pages.some((page) => page.id === action.page.id) ? [...pages] : [...pages, action.page];
    case 'remove':
      return pages.filter((page) => page.id !== action.id);
    case 'move': {
      const from = pages.findIndex((page) => page.id === action.id);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= pages.length) return [...pages];
      const next = [...pages];
      const [moved] = next.splice(from, 1);
      if (moved) next.splice(to, 0, moved);
      return next;
    }
    case 'replace':
      return pages.map((page) => (page.id === action.id ? action.page : page));
    case 'clear':
      return [];
  }
}

export function totalPages(pages: readonly PendingPage[]): number {
  return pages.reduce((sum, page) => sum + page.pages, 0);
}
