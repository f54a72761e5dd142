/**
 * Documents sent whole and packed together in one request (`POST /v1/documents`, a bundle): the body is
 * their bytes back to back, the `x-counterdesk-documents` header their SHA-256s and sizes in that order
 * (shared/sync/protocol.ts). Packing is what makes a backlog of small scans cheap: a request costs the
 * device, the network stack and the server about as much as a few hundred kilobytes of bytes do.
 *
 * Invariants:
 * - Each document's bytes are hashed as they arrive and held in memory (one document at a time, at
 *   most WHOLE_UPLOAD_MAX_BYTES); only those that hash to their declared SHA-256 are written to the blob store
 *   (verified, then moved in under the hash: the store holds nothing but verified bytes).
 * - A document whose bytes do not match is answered `checksum_mismatch` and nothing of it is kept; the
 *   others of the bundle are not affected.
 * - A body cut short (a dropped connection) keeps the documents that arrived whole; the device's next
 *   run asks which hashes the server holds and sends only the rest.
 * - Sending the same bytes again is harmless: they replace identical bytes under the same name.
 */
import { createHash } from 'node:crypto';
import type { BundleOutcome, BundledDocument } from '../../../shared/sync/protocol';

export interface BundleReceipt {
  /** One per document that arrived whole, in body order. */
  outcomes: BundleOutcome[];
  /** The bytes read; short of the declared total when the body ended early. */
  received: number;
}

export class BundleOverrunError extends Error {
  constructor(declared: number) {
    super(`The body holds more than the ${declared} bytes its documents declare`);
    this.name = 'BundleOverrunError';
  }
}

/**
 * Reads `body` document by document and hands each one whose bytes match to `store`, as the pieces
 * they arrived in (`store` must have written them when its promise settles). Stops reading, and throws
 * BundleOverrunError, at a byte beyond the declared total: no address could match it.
 */
export async function receiveDocumentBundle(
  body: AsyncIterable<Buffer>,
  documents: readonly BundledDocument[],
  store: (document: BundledDocument, parts: readonly Buffer[]) => Promise<void>,
): Promise<BundleReceipt> {
  const declared = documents.reduce((sum, document) => sum + document.size, 0);
  const outcomes: BundleOutcome[] = [];
  let received = 0;
  let index = 0;
  let hash = createHash('sha256');
  let parts: Buffer[] = [];
  let held = 0;
  // Documents of zero bytes complete before any byte arrives.
  const finishCompleted = async () => {
    for (let current = documents[index]; current && held === current.size; current = documents[index]) {
      const actual = hash.digest('hex');
      if (actual === current.sha256) {
        // Handed on as the pieces they arrived in: copying up to 4 MiB together per request would only feed the GC.
        await store(current, parts);
        outcomes.push({ sha256: current.sha256, size: current.size, status: 'stored' });
      } else {
        outcomes.push({ sha256: current.sha256, size: current.size, status: 'checksum_mismatch', actual });
      }
      index += 1;
      hash = createHash('sha256');
      parts = [];
      held = 0;
    }
  };
  await finishCompleted();
  for await (const chunk of body) {
    if (received + chunk.length > declared) throw new BundleOverrunError(declared);
    received += chunk.length;
    let offset = 0;
    while (offset < chunk.length) {
      const current = documents[index];
      if (!current) throw new BundleOverrunError(declared);
      const piece = chunk.subarray(offset, offset + Math.min(current.size - held, chunk.length - offset));
      hash.update(piece);
      parts.push(piece);
      held += piece.length;
      offset += piece.length;
      await finishCompleted();
    }
  }
  return { outcomes, received };
}
