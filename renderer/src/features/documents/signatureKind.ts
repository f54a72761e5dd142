/**
 * A signature is stored as a document whose kind names the SHA-256 of the case content it signs
 * (`e-signature:sha256:<hex>`): it syncs, uploads and is fetched like any other document, and the kind
 * alone tells a signature from a scan.
 */
export const SIGNATURE_KIND_PREFIX = 'e-signature:sha256:';

export function signatureKind(contentHash: string): string {
  return `${SIGNATURE_KIND_PREFIX}${contentHash}`;
}

/** The content hash a signature document's kind records, or undefined when it is not a signature. */
export function signedContentHash(kind: string): string | undefined {
  if (!kind.startsWith(SIGNATURE_KIND_PREFIX)) return undefined;
  const hash = kind.slice(SIGNATURE_KIND_PREFIX.length);
  return /^[0-9a-f]{64}$/.test(hash) ? hash : undefined;
}
