/**
 * Encrypts a revoked device's unsynced work for the bureau's administrators: AES-256-GCM with a
 * fresh key, that key wrapped with the bureau's recovery public key (RSA-OAEP, SHA-256). Only the
 * holder of the recovery private key can read it (`npm run admin -- export decrypt`); the device
 * keeps no key that opens it.
 */
import type { EncryptedExport, UnsyncedWork } from '../db/wipe';
import { toBase64 } from '../db/base64';

async function blobToBase64(blob: Blob | undefined): Promise<string | undefined> {
  return blob ? toBase64(new Uint8Array(await blob.arrayBuffer())) : undefined;
}

/** The export's plaintext: JSON, with document bytes as base64. */
export async function serialiseUnsyncedWork(work: UnsyncedWork, meta: { deviceId: string; reason: string; createdAt: string }): Promise<Uint8Array> {
  const documents = await Promise.all(
    work.documents.map(async ({ blob, ...doc }) => ({ ...doc, ...(blob ? { bytesBase64: await blobToBase64(blob) } : {}) })),
  );
  const body = { format: 'counterdesk-unsynced-work/1', ...meta, cases: work.cases, outbox: work.outbox, documents, drafts: work.drafts, audit: work.audit };
  return new TextEncoder().encode(JSON.stringify(body));
}

export async function encryptForRecovery(plaintext: Uint8Array<ArrayBuffer> | Uint8Array, recoveryPublicKeyJwk: string, meta: { deviceId: string; createdAt: string }): Promise<EncryptedExport> {
  const publicKey = await crypto.subtle.importKey('jwk', JSON.parse(recoveryPublicKeyJwk) as JsonWebKey, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(plaintext)));
  const wrappedKey = new Uint8Array(await crypto.subtle.wrapKey('raw', key, publicKey, { name: 'RSA-OAEP' }));
  return {
    format: 'counterdesk-encrypted-export/1',
    algorithm: 'RSA-OAEP-256+A256GCM',
    deviceId: meta.deviceId,
    createdAt: meta.createdAt,
    wrappedKey: toBase64(wrappedKey),
    iv: toBase64(iv),
    ciphertext: toBase64(ciphertext),
  };
}
