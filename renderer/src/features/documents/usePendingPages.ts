import { useReducer, useState } from 'react';
import { addDocument } from '../../db/documentStore';
import { describeErrorInBoth, isQuotaError } from '../../lib/errorText';
import { formatText, type BilingualText } from './documentMessages';
import { addTurn, turnCrop, type CropBox } from './normaliseImage';
import { pendingPagesReducer, totalPages, type PendingPage } from './pendingPages';
import { documentBlob, editPage, preparePage } from './preparePage';
import { forgetQuotaRefusal, rememberQuotaRefusal } from './storageBudget';
import { releaseScans, stagedScanOf } from './takeScans';
import { getHost } from '../../host/host';
import type { DocumentLimits } from './validateDocument';

export interface Notice {
  tone: 'error' | 'warning' | 'info';
  text: BilingualText;
  /** The file the message is about, when there is one. */
  subject?: string;
}

export type PageEdit = { turn: 90 | -90 } | { crop: CropBox };

/**
 * The pages waiting to be saved as one document, and what the clerk does with them: add files or a
 * camera still, turn or crop a page, save. `onSaveAttempt` runs after every save, stored or not.
 */
export function usePendingPages(caseId: string, limits: DocumentLimits, onSaveAttempt: () => void) {
  const [pages, dispatch] = useReducer(pendingPagesReducer, []);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [busy, setBusy] = useState(false);

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
      const scanned = stagedScanOf(file);
      dispatch({ type: 'add', page: scanned === undefined ? prepared.page : { ...prepared.page, scanned } });
    }
    setNotices(next);
    setBusy(false);
  };

  const addStill = async (still: Blob, replace: string | undefined) => {
    const prepared = await preparePage(still, '相機 camera', limits);
    if (!prepared.ok) {
      setNotices([{ tone: 'error', text: prepared.message }]);
      return;
    }
    dispatch(replace ? { type: 'replace', id: replace, page: prepared.page } : { type: 'add', page: prepared.page });
  };

  // A turn or crop re-encodes the page from its original, in place; the crop turns with the page.
  const edit = async (page: PendingPage, change: PageEdit) => {
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

  const save = async (kind: string) => {
    setBusy(true);
    try {
      const blob = await documentBlob(pages);
      await addDocument(caseId, kind, blob);
      // Stored encrypted: the scans it was made of leave the scan folder's disk.
      const scanned = pages.flatMap((page) => (page.scanned === undefined ? [] : [page.scanned]));
      if (scanned.length > 0) void releaseScans(getHost(), scanned).catch((error: unknown) => console.warn('scan release failed', error));
      forgetQuotaRefusal();
      dispatch({ type: 'clear' });
      setNotices([]);
    } catch (error) {
      if (isQuotaError(error)) rememberQuotaRefusal();
      // The transaction rolled back: the case is as it was and the pending pages are still listed.
      setNotices([{ tone: 'error', text: isQuotaError(error) ? formatText('storageFull') : formatText('saveFailed', { reason: describeErrorInBoth(error) }) }]);
    } finally {
      setBusy(false);
      onSaveAttempt();
    }
  };

  return { pages, dispatch, notices, busy, addFiles, addStill, edit, save };
}
