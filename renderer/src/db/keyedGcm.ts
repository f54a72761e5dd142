import { unsafe } from '@noble/ciphers/aes.js';
import { GHASH } from '@noble/ciphers/_polyval.js';
import { copyBytes, equalBytes, isAligned32, u64Lengths } from '@noble/ciphers/utils.js';

/**
 * AES-256-GCM for many short messages under one key: @noble's own steps (`gcm` in
 * @noble/ciphers/aes.js), with the work that depends on the key alone done once per key instead of
 * once per message. `gcm(key, nonce, aad)` expands the AES key, derives the GHASH key and builds
 * GHASH's multiplication table for every record it seals or opens, which dominates for the short
 * records of the encrypted tables, thousands of which a sync opens after a day offline (figures:
 * docs/BENCHMARKS.md § Sync upload). Output and checks are byte for byte those of `gcm`
 * (keyedGcm.test.ts compares both ways, and with WebCrypto).
 *
 * The expanded key and the table stay in memory while the key object does: no longer than the key
 * itself, which the data-key holder keeps only while the device is unlocked (decision 0011).
 *
 * It relies on @noble/ciphers' `unsafe` export and its `_polyval.js` GHASH, which are not the library's
 * stable interface: an upgrade of @noble/ciphers must keep keyedGcm.test.ts passing.
 */

const BLOCK = 16;
const ZERO_BLOCK = new Uint8Array(BLOCK);

/** GHASH with its table kept: `reset` starts a new message instead of building the table again. */
class ReusableGhash extends GHASH {
  reset(): this {
    this.s0 = 0;
    this.s1 = 0;
    this.s2 = 0;
    this.s3 = 0;
    this.finished = false;
    return this;
  }
}

export interface KeyedGcm {
  /** nonce (12 bytes) → ciphertext ‖ tag, as `gcm(key, nonce, aad).encrypt(plaintext)`. */
  encrypt(nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array<ArrayBuffer>;
  /** As `gcm(key, nonce, aad).decrypt(sealed)`: throws when the tag does not match. */
  decrypt(nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array;
}

function createKeyedGcm(key: Uint8Array): KeyedGcm {
  const expanded = unsafe.expandKeyLE(key);
  // The GHASH key is the encryption of the zero block.
  const authKey = ZERO_BLOCK.slice();
  unsafe.ctr32(expanded, false, ZERO_BLOCK.slice(), ZERO_BLOCK, authKey);
  // The largest table (8-bit windows): built once, it makes every block of every message cheaper.
  const ghash = new ReusableGhash(authKey, 64 * 1024 + 1);

  /** J0 = nonce ‖ 1: returns the tag mask E(J0) and the counter block left at inc32(J0) for the payload. */
  const start = (nonce: Uint8Array) => {
    if (nonce.length !== 12) throw new Error('aes/gcm: a 12-byte nonce is expected');
    const counter = ZERO_BLOCK.slice();
    counter.set(nonce);
    counter[15] = 1;
    const tagMask = unsafe.ctr32(expanded, false, counter, ZERO_BLOCK);
    return { counter, tagMask };
  };
  const tagOf = (tagMask: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array): Uint8Array => {
    const hash = ghash.reset();
    hash.update(aad);
    hash.update(ciphertext);
    hash.update(u64Lengths(8 * ciphertext.length, 8 * aad.length, false));
    const tag = new Uint8Array(BLOCK);
    hash.digestInto(tag);
    for (let index = 0; index < BLOCK; index += 1) tag[index] = (tag[index] ?? 0) ^ (tagMask[index] ?? 0);
    return tag;
  };
  // The counter mode works on 32-bit words: unaligned views are copied first, as in `gcm`.
  const aligned = (bytes: Uint8Array) => (isAligned32(bytes) ? bytes : copyBytes(bytes));

  return {
    encrypt(nonce, aad, plaintext) {
      const { counter, tagMask } = start(nonce);
      const out = new Uint8Array(plaintext.length + BLOCK);
      const ciphertext = out.subarray(0, plaintext.length);
      unsafe.ctr32(expanded, false, counter, aligned(plaintext), ciphertext);
      out.set(tagOf(tagMask, ciphertext, aad), plaintext.length);
      return out;
    },
    decrypt(nonce, aad, sealed) {
      if (sealed.length < BLOCK) throw new Error('aes-gcm: ciphertext shorter than its tag');
      const { counter, tagMask } = start(nonce);
      const ciphertext = aligned(sealed.subarray(0, sealed.length - BLOCK));
      // The tag is checked before anything is decrypted, as in `gcm`.
      if (!equalBytes(tagOf(tagMask, ciphertext, aad), sealed.subarray(sealed.length - BLOCK))) throw new Error('aes-gcm: invalid tag');
      return unsafe.ctr32(expanded, false, counter, ciphertext);
    },
  };
}

const byKey = new WeakMap<Uint8Array, KeyedGcm>();

/** The cipher for this key object, set up at its first use. */
export function keyedGcm(key: Uint8Array): KeyedGcm {
  let cipher = byKey.get(key);
  if (!cipher) {
    if (key.length !== 32) throw new Error('aes/gcm: a 32-byte key is expected');
    cipher = createKeyedGcm(key);
    byKey.set(key, cipher);
  }
  return cipher;
}
