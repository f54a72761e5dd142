/**
 * A signature is stored as a document whose kind names the SHA-256 of the content it signs
 * (`e-signature:sha256:<hex>`): it syncs, uploads and is fetched like any other document, and the kind
 * alone tells a signature from a scan. The applicant's signature on a withdrawal (撤回) signs other
 * content and has its own kind (`e-signature:withdrawal:sha256:<hex>`), so neither is taken for the
 * other: the intake's signature still covers the intake after a withdrawal is signed.
 */
export const SIGNATURE_KIND_PREFIX = 'e-signature:sha256:';

export type SignaturePurpose = 'intake' | 'withdrawal';

const PREFIXES: Readonly<Record<SignaturePurpose, string>> = {
  intake: SIGNATURE_KIND_PREFIX,
  withdrawal: 'e-signature:withdrawal:sha256:',
};

export function signatureKind(contentHash: string, purpose: SignaturePurpose = 'intake'): string {
  return `${PREFIXES[purpose]}${contentHash}`;
}

/** The content hash a signature document's kind records for `purpose`, or undefined when it is not one. */
export function signedContentHash(kind: string, purpose: SignaturePurpose = 'intake'): string | undefined {
  const prefix = PREFIXES[purpose];
  if (!kind.startsWith(prefix)) return undefined;
  const hash = kind.slice(prefix.length);
  return /^[0-9a-f]{64}$/.test(hash) ? hash : undefined;
}

/** True for a signature of any purpose: signatures are not listed with the scanned documents. */
export function isSignatureKind(kind: string): boolean {
  return (Object.keys(PREFIXES) as SignaturePurpose[]).some((purpose) => signedContentHash(kind, purpose) !== undefined);
}
