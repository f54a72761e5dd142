import { useCallback, useEffect, useRef, useState } from 'react';
import { listCaseDocuments } from '../../db/documentStore';
import type { CaseDocumentSummary, StoredDocument } from './caseDocumentSummary';
import { isSignatureKind } from './signatureKind';
import { CAPTURE_RESERVE_BYTES, lastQuotaRefusal, storageBudget, type StorageBudget } from './storageBudget';

async function readBudget(): Promise<StorageBudget | undefined> {
  if (!navigator.storage?.estimate) return undefined;
  return storageBudget(await navigator.storage.estimate(), CAPTURE_RESERVE_BYTES, lastQuotaRefusal());
}

/** The space can run out while this screen is open (another app, a sync): look again this often. */
const BUDGET_REFRESH_MS = 30_000;

async function loadDocuments(caseId: string): Promise<StoredDocument[]> {
  const rows = await listCaseDocuments(caseId);
  return rows
    .filter((row) => !isSignatureKind(row.kind))
    .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt))
    .map(({ id, kind, mime, size, sha256, capturedAt, blob }) => ({ id, kind, mime, size, sha256, capturedAt, blob }));
}

/**
 * The case's stored documents (signatures excluded) and the storage estimate, read from the device.
 * `reload` is called after every save attempt and fetch; `onChange` hears the list each time it loads.
 */
export function useSavedDocuments(caseId: string, onChange?: (documents: readonly CaseDocumentSummary[]) => void) {
  const [documents, setDocuments] = useState<StoredDocument[]>([]);
  const [budget, setBudget] = useState<StorageBudget>();
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

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

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { documents, budget, reload };
}
