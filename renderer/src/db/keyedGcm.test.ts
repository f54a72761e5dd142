import { gcm } from '@noble/ciphers/aes.js';
import { describe, expect, it } from 'vitest';
import { keyedGcm } from './keyedGcm';
import { openRecord, randomBytes, sealRecord } from './recordCipher';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Lengths around the block size and the record sizes the app stores. */
const lengths = [0, 1, 15, 16, 17, 31, 32, 33, 255, 2_500, 65_000];

describe('AES-GCM with the key set up once', () => {
  it('seals byte for byte as @noble gcm and as WebCrypto, and each opens what the others sealed', async () => {
    const key = randomBytes(32);
    const webKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']);
    const cipher = keyedGcm(key);
    for (const length of lengths) {
      for (const aadLength of [0, 5, 16, 40]) {
        const nonce = randomBytes(12);
        const aad = randomBytes(aadLength);
        const plaintext = randomBytes(length);
        const sealed = cipher.encrypt(nonce, aad, plaintext);
        expect(hex(sealed), `${length} bytes, ${aadLength} of AAD`).toBe(hex(gcm(key, nonce, aad).encrypt(plaintext)));
        const web = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad }, webKey, plaintext));
        expect(hex(sealed)).toBe(hex(web));
        expect(hex(cipher.decrypt(nonce, aad, web))).toBe(hex(plaintext));
        expect(hex(gcm(key, nonce, aad).decrypt(sealed))).toBe(hex(plaintext));
      }
    }
  });

  it('refuses a changed byte, tag, nonce, associated data or key', () => {
    const key = randomBytes(32);
    const cipher = keyedGcm(key);
    const nonce = randomBytes(12);
    const aad = new TextEncoder().encode('cases\u0000case-1');
    const sealed = cipher.encrypt(nonce, aad, new TextEncoder().encode('{"applicant":{"name":"王小明"}}'));
    for (const index of [0, sealed.length - 17, sealed.length - 1]) {
      const changed = sealed.slice();
      changed[index] = (changed[index] ?? 0) ^ 1;
      expect(() => cipher.decrypt(nonce, aad, changed)).toThrow(/invalid tag/);
    }
    const otherNonce = nonce.slice();
    otherNonce[0] = (otherNonce[0] ?? 0) ^ 1;
    expect(() => cipher.decrypt(otherNonce, aad, sealed)).toThrow(/invalid tag/);
    expect(() => cipher.decrypt(nonce, new TextEncoder().encode('cases\u0000case-2'), sealed)).toThrow(/invalid tag/);
    expect(() => keyedGcm(randomBytes(32)).decrypt(nonce, aad, sealed)).toThrow(/invalid tag/);
    expect(() => cipher.decrypt(nonce, aad, sealed.subarray(0, 15))).toThrow();
  });

  it('opens records that @noble gcm sealed before, and they open with it', () => {
    const key = randomBytes(32);
    const record = { id: 'case-1', applicant: { name: '王小明', idNumber: 'A123456789' } };
    const aad = new TextEncoder().encode('cases:case-1');
    const nonce = randomBytes(12);
    const old = new Uint8Array([...nonce, ...gcm(key, nonce, aad).encrypt(new TextEncoder().encode(JSON.stringify(record)))]);
    expect(openRecord(key, old, 'cases:case-1')).toEqual(record);
    const sealed = sealRecord(key, record, 'cases:case-1');
    expect(JSON.parse(new TextDecoder().decode(gcm(key, sealed.subarray(0, 12), aad).decrypt(sealed.subarray(12))))).toEqual(record);
    // Two seals of the same record never share a nonce.
    expect(hex(sealRecord(key, record, 'cases:case-1').subarray(0, 12))).not.toBe(hex(sealed.subarray(0, 12)));
  });
});
