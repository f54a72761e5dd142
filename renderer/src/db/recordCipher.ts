import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { keyedGcm, type KeyedGcm } from './keyedGcm';

/**
 * The synchronous half of encryption at rest (docs/decisions/0011-encryption-at-rest.md).
 *
 * Synchronous on purpose: an IndexedDB transaction commits as soon as the event loop sees no pending
 * IndexedDB request, so the asynchronous WebCrypto API cannot run between two requests of one Dexie
 * transaction. @noble's AES-GCM and HMAC run inline and keep every store's transactions as they are.
 *
 * From the one device data key (32 random bytes) HKDF derives separate keys for records, index hashes
 * and document bytes, so a hash can never be confused with a ciphertext made under the same key.
 */

export const DATA_KEY_BYTES = 32;
const NONCE_BYTES = 12;
const HASH_BYTES = 16;

export interface DerivedKeys {
  /** AES-256-GCM key for whole records. */
  readonly record: Uint8Array;
  /** HMAC-SHA256 key for the hashed (personal) index fields. */
  readonly index: Uint8Array;
  /** AES-256-GCM key for document and signature bytes (imported into WebCrypto by the document store). */
  readonly document: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function derive(dataKey: Uint8Array, purpose: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(hkdf(sha256, dataKey, undefined, encoder.encode(`counterdesk/${purpose}/v1`), 32));
}

export function deriveKeys(dataKey: Uint8Array): DerivedKeys {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error(`a data key has ${DATA_KEY_BYTES} bytes`);
  return { record: derive(dataKey, 'record'), index: derive(dataKey, 'index-hash'), document: derive(dataKey, 'document') };
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** AES-GCM under a key used once here (a password's key wrapping the data key). */
function oneShot(key: Uint8Array): KeyedGcm {
  return {
    encrypt: (nonce, aad, plaintext) => gcm(key, nonce, aad).encrypt(plaintext),
    decrypt: (nonce, aad, sealed) => gcm(key, nonce, aad).decrypt(sealed),
  };
}

function sealWith(cipher: KeyedGcm, plaintext: Uint8Array, associatedData: Uint8Array): Uint8Array<ArrayBuffer> {
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = cipher.encrypt(nonce, associatedData, plaintext);
  const out = new Uint8Array(NONCE_BYTES + sealed.length);
  out.set(nonce, 0);
  out.set(sealed, NONCE_BYTES);
  return out;
}

function openWith(cipher: KeyedGcm, sealed: Uint8Array, associatedData: Uint8Array): Uint8Array {
  if (sealed.length < NONCE_BYTES + 16) throw new Error('sealed data too short');
  return cipher.decrypt(sealed.subarray(0, NONCE_BYTES), associatedData, sealed.subarray(NONCE_BYTES));
}

/** AES-GCM with a fresh random nonce; the output is nonce ‖ ciphertext ‖ tag. */
export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array): Uint8Array<ArrayBuffer> {
  return sealWith(oneShot(key), plaintext, associatedData);
}

/** Opens what `seal` made; throws when the key, the data or the associated data differ. */
export function open(key: Uint8Array, sealed: Uint8Array, associatedData: Uint8Array): Uint8Array {
  return openWith(oneShot(key), sealed, associatedData);
}

/** Values that JSON would silently change or drop: refused, so a record never loses data by being encrypted. */
function refuseNonJson(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  if (original instanceof Blob || original instanceof Date || ArrayBuffer.isView(original) || original instanceof ArrayBuffer || original instanceof Map || original instanceof Set) {
    throw new TypeError(`field "${key}" cannot be stored encrypted (${Object.prototype.toString.call(original)}); store JSON data`);
  }
  return value;
}

/**
 * Records are sealed as `seal` seals (nonce ‖ ciphertext ‖ tag), with the key's set-up kept between
 * them: thousands are sealed and opened under the one record key (keyedGcm.ts).
 */
export function sealRecord(key: Uint8Array, record: unknown, associatedData: string): Uint8Array<ArrayBuffer> {
  return sealWith(keyedGcm(key), encoder.encode(JSON.stringify(record, refuseNonJson)), encoder.encode(associatedData));
}

export function openRecord(key: Uint8Array, sealed: Uint8Array, associatedData: string): unknown {
  return JSON.parse(decoder.decode(openWith(keyedGcm(key), sealed, encoder.encode(associatedData)))) as unknown;
}

/**
 * The same person must always hash the same: ids in capitals without spaces, phones as digits only,
 * names in NFC with single spaces and lower-case Latin letters. Callers already store ids and phones
 * normalised; this keeps a differently typed query from missing.
 */
export function normaliseForIndex(field: string, value: string): string {
  if (field.endsWith('idNumber')) return value.replace(/\s+/g, '').toUpperCase();
  if (field.endsWith('phone')) return value.replace(/\D+/g, '');
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function base64Url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The keyed hash stored in place of a personal index value. The field name is part of the input, so a
 * phone number and an id that happen to be the same string do not hash alike. The empty string stays
 * empty: it says nothing about anyone and keeps "no phone given" cheap to store.
 */
export function indexHash(key: Uint8Array, field: string, value: string): string {
  const normalised = normaliseForIndex(field, value);
  if (normalised === '') return '';
  return `h:${base64Url(hmac(sha256, key, encoder.encode(`${field}\u0000${normalised}`)).subarray(0, HASH_BYTES))}`;
}
