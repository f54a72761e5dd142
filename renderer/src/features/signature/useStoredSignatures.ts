import { useCallback, useEffect, useState } from 'react';
import { listCaseDocuments } from '../../db/documentStore';
import { signedContentHash, type SignaturePurpose } from '../documents/signatureKind';

export interface StoredSignature {
  id: string;
  hash: string;
  capturedAt: string;
  url?: string;
}

/**
 * The case's newest stored signature for `purpose` (with a URL for its image while mounted) and the ids
 * of those signatures this computer holds bytes for (taken here or fetched). `reload` after a signature is stored.
 */
export function useStoredSignatures(caseId: string, purpose: SignaturePurpose = 'intake') {
  const [latest, setLatest] = useState<StoredSignature>();
  const [version, setVersion] = useState(0);
  const [localSignatures, setLocalSignatures] = useState<ReadonlySet<string>>();
  useEffect(() => {
    let cancelled = false;
    let url: string | undefined;
    void listCaseDocuments(caseId).then((rows) => {
      if (cancelled) return;
      setLocalSignatures(new Set(rows.filter((row) => row.blob && signedContentHash(row.kind, purpose) !== undefined).map((row) => row.id)));
      const newest = rows
        .map((row) => ({ row, hash: signedContentHash(row.kind, purpose) }))
        .filter((entry): entry is { row: (typeof rows)[number]; hash: string } => entry.hash !== undefined)
        .sort((x, y) => y.row.capturedAt.localeCompare(x.row.capturedAt))[0];
      url = newest?.row.blob ? URL.createObjectURL(newest.row.blob) : undefined;
      setLatest(newest ? { id: newest.row.id, hash: newest.hash, capturedAt: newest.row.capturedAt, url } : undefined);
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [caseId, purpose, version]);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { latest, localSignatures, reload };
}
