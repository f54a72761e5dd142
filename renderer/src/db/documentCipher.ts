import type { DataKeyHolder } from './dataKeyHolder';
import type { DerivedKeys } from './recordCipher';

/**
 * Document and signature bytes at rest: AES-256-GCM through WebCrypto (large inputs, off the main
 * thread's JavaScript), outside any IndexedDB transaction — the store seals before it opens one and
 * opens after it closed. The stored Blob is nonce ‖ ciphertext ‖ tag, bound to the document id; the
 * document's sha256 (its id at the server) stays the hash of the plain bytes.
 */

const NONCE_BYTES = 12;
const importedKeys = new WeakMap<DerivedKeys, Promise<CryptoKey>>();

function documentKey(keys: DerivedKeys): Promise<CryptoKey> {
  let key = importedKeys.get(keys);
  if (!key) {
    key = crypto.subtle.importKey('raw', keys.document, 'AES-GCM', false, ['encrypt', 'decrypt']);
    importedKeys.set(keys, key);
  }
  return key;
}

function associatedData(documentId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`counterdesk:document:${documentId}`);
}

export async function sealBlob(holder: DataKeyHolder, blob: Blob, documentId: string): Promise<Blob> {
  const key = await documentKey(holder.require('documents'));
  const iv = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: associatedData(documentId) }, key, await blob.arrayBuffer());
  return new Blob([iv, sealed], { type: 'application/octet-stream' });
}

/** The plain bytes of a sealed document, for a caller that only reads them (the upload). */
export async function openBytes(holder: DataKeyHolder, sealed: Blob, documentId: string): Promise<ArrayBuffer> {
  const key = await documentKey(holder.require('documents'));
  const bytes = new Uint8Array(await sealed.arrayBuffer());
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, NONCE_BYTES), additionalData: associatedData(documentId) }, key, bytes.subarray(NONCE_BYTES));
}

export async function openBlob(holder: DataKeyHolder, sealed: Blob, documentId: string, mime: string): Promise<Blob> {
  return new Blob([await openBytes(holder, sealed, documentId)], { type: mime });
}
