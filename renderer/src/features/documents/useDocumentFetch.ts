import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDocument } from '../../../../shared/sync/protocol';
import { DocumentMismatchError } from '../../db/documentStore';
import { describeErrorInBoth } from '../../lib/errorText';
import { translate, translateBoth } from '../../lib/i18n';
import { ApiError, NetworkError, type ApiOptions } from '../../sync/api';
import { fetchCaseDocument } from '../../sync/fetchCaseDocument';
import type { BilingualText } from './documentMessages';

/**
 * The state of fetching a case's documents from the server, one entry per document: bytes received
 * while it travels, a message in both languages when it failed (nothing was stored then). A fetch is
 * cancelled when the screen that asked for it goes away.
 */

export type DocumentFetchState =
  | { status: 'fetching'; received: number; total: number }
  | { status: 'failed'; text: BilingualText };

export function fetchFailureText(error: unknown): BilingualText {
  if (error instanceof DocumentMismatchError) return translateBoth('serverDocMismatch');
  if (error instanceof NetworkError) return translateBoth('serverDocNeedsServer');
  if (error instanceof ApiError && error.code === 'not_found') return translateBoth('serverDocNotFound');
  if (error instanceof ApiError && error.code === 'unauthorized') return translateBoth('serverDocSignIn');
  const reason = describeErrorInBoth(error);
  return { zh: translate('zh-TW', 'serverDocFailed', { reason: reason.zh }), en: translate('en', 'serverDocFailed', { reason: reason.en }) };
}

export function useDocumentFetch(api: ApiOptions | undefined, caseId: string, onFetched: (documentId: string) => void) {
  const [states, setStates] = useState<ReadonlyMap<string, DocumentFetchState>>(new Map());
  const controllers = useRef(new Set<AbortController>());
  const onFetchedRef = useRef(onFetched);
  useEffect(() => {
    onFetchedRef.current = onFetched;
  }, [onFetched]);
  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((controller) => controller.abort());
  }, []);

  const set = (id: string, state: DocumentFetchState | undefined) =>
    setStates((current) => {
      const next = new Map(current);
      if (state) next.set(id, state);
      else next.delete(id);
      return next;
    });

  const fetchDocument = useCallback(
    async (document: CaseDocument) => {
      if (!api || (typeof navigator !== 'undefined' && navigator.onLine === false)) {
        set(document.id, { status: 'failed', text: translateBoth('serverDocNeedsServer') });
        return;
      }
      const controller = new AbortController();
      controllers.current.add(controller);
      set(document.id, { status: 'fetching', received: 0, total: document.size });
      try {
        await fetchCaseDocument(api, caseId, document, { signal: controller.signal, onProgress: ({ received, total }) => set(document.id, { status: 'fetching', received, total }) });
        set(document.id, undefined);
        onFetchedRef.current(document.id);
      } catch (error) {
        if (!controller.signal.aborted) set(document.id, { status: 'failed', text: fetchFailureText(error) });
      } finally {
        controllers.current.delete(controller);
      }
    },
    [api, caseId],
  );

  return { states, fetchDocument };
}
