import { useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import type { CaseDocument } from '../../../../shared/sync/protocol';
import type { ApiOptions } from '../../sync/api';
import { addDocument } from '../../db/documentStore';
import { BothLanguages } from '../../lib/BothLanguages';
import { describeErrorInBoth } from '../../lib/errorText';
import { ServerSignature } from './ServerSignature';
import { contentSha256, type JsonValue } from './signatureBinding';
import { formatText, type BilingualText, type DocumentTextKey } from '../documents/documentMessages';
import { signatureKind, signedContentHash, type SignaturePurpose } from '../documents/signatureKind';
import { useSignatureCoverage } from './useSignatureCoverage';
import { useStoredSignatures } from './useStoredSignatures';

/**
 * The applicant's e-signature. On acceptance the pad's image is stored as a case document whose kind
 * records the SHA-256 of the canonical JSON of `contentToSign` — the content on screen at that
 * moment. The latest signature is checked against the current content on every change: when they
 * differ the panel says the signature does not cover the change and offers to sign again. A signature
 * taken on another computer comes with the pulled case and is fetched when the case opens (ServerSignature).
 */

/** A label in both languages at once, Chinese first: the applicant signing may read either. */
const both = (key: DocumentTextKey) => {
  const text = formatText(key);
  return `${text.zh} ${text.en}`;
};

export interface SignaturePanelProps {
  caseId: string;
  /** Exactly what the signer sees: the customer display's confirm message where there is one. */
  contentToSign: JsonValue;
  /** Told whether the latest stored signature covers the content shown (false: none, or stale), and which it is. */
  onCoverageChange?: (covers: boolean, signatureId?: string) => void;
  /** The documents the server holds for the case (the pulled record), where another computer's signature is listed. */
  serverDocuments?: readonly CaseDocument[];
  api?: ApiOptions;
  /** What the signature is for: the intake (the default) or a withdrawal, kept apart (documents/signatureKind.ts). */
  purpose?: SignaturePurpose;
  /** The panel's name for assistive technology, when another panel may be on screen with it. */
  label?: string;
}

export function SignaturePanel({ caseId, contentToSign, onCoverageChange, serverDocuments = [], api, purpose = 'intake', label }: SignaturePanelProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad>(null);
  const [empty, setEmpty] = useState(true);
  const [error, setError] = useState<BilingualText>();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#000', backgroundColor: 'rgb(255,255,255)' });
    pad.addEventListener('endStroke', () => setEmpty(pad.isEmpty()));
    padRef.current = pad;
    return () => {
      pad.off();
      padRef.current = null;
    };
  }, []);

  const { latest, localSignatures, reload } = useStoredSignatures(caseId, purpose);
  const current = useSignatureCoverage(latest, contentToSign, onCoverageChange);

  // Fetch the server's newest signature when this computer lacks it, unless a signature taken here has
  // not reached the server yet: that one is newer than anything the server lists.
  const onServer = serverDocuments.filter((document) => signedContentHash(document.kind, purpose) !== undefined).sort((x, y) => y.attachedAt.localeCompare(x.attachedAt));
  const newestOnServer = onServer[0];
  const unsyncedHere = localSignatures !== undefined && [...localSignatures].some((id) => !onServer.some((document) => document.id === id));
  const toFetch = localSignatures && newestOnServer && !localSignatures.has(newestOnServer.id) && !unsyncedHere ? newestOnServer : undefined;

  const clear = () => {
    padRef.current?.clear();
    setEmpty(true);
  };

  const accept = async () => {
    const pad = padRef.current;
    if (!pad || pad.isEmpty()) return;
    setError(undefined);
    try {
      // The hash is taken of the content rendered now, before any await lets it change.
      const hashing = contentSha256(contentToSign);
      const canvas = canvasRef.current;
      // toBlob rather than fetching a data: URL, which the app's connect-src policy forbids.
      const image = canvas ? await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png')) : null;
      if (!image) throw new Error('the pad produced no image');
      await addDocument(caseId, signatureKind(await hashing, purpose), image);
      clear();
      reload();
    } catch (reason) {
      setError(describeErrorInBoth(reason));
    }
  };

  return (
    <section className="signature-panel" aria-label={label ?? both('signaturePanel')}>
      <canvas ref={canvasRef} width={600} height={200} aria-label={both('signaturePad')} style={{ border: '1px solid #888', touchAction: 'none' }} />
      <div>
        <button type="button" onClick={clear}>
          {both('signatureClear')}
        </button>
        <button type="button" onClick={() => void accept()} disabled={empty}>
          {both('signatureAccept')}
        </button>
      </div>
      {error && (
        <p role="alert">
          <BothLanguages text={formatText('signatureNotSaved', { reason: error })} />
        </p>
      )}
      {toFetch && <ServerSignature key={toFetch.id} api={api} caseId={caseId} signature={toFetch} onFetched={reload} />}
      {latest && !toFetch && (
        <div className="signature-latest">
          {latest.url && <img src={latest.url} alt={both('signatureSaved')} style={{ maxWidth: 300 }} />}
          <p data-testid="signature-hash">SHA-256 {latest.hash}</p>
          {current?.state === 'covers' && (
            <p role="status" data-state="covers">
              <BothLanguages text={formatText('signatureCovers')} separator=" · " />
            </p>
          )}
          {current?.state === 'changed' && (
            <p role="alert" data-state="changed">
              <BothLanguages text={formatText('signatureChanged')} separator=" · " />
            </p>
          )}
        </div>
      )}
    </section>
  );
}
