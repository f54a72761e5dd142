/**
 * Everything derived from a user's password on the device, in one place: PBKDF2-SHA256 through
 * WebCrypto (OWASP 2023: at least 310 000 iterations for SHA-256). The offline sign-in verifier is
 * one use; a data-encryption key derived from the same password with another salt can be another,
 * through `derivePasswordBits`, never the verifier itself.
 */

export const PBKDF2_ITERATIONS = 310_000;
const SALT_BYTES = 16;

export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/** `bits` bits derived from the password and salt. */
export async function derivePasswordBits(password: string, salt: Uint8Array<ArrayBuffer>, iterations = PBKDF2_ITERATIONS, bits = 256): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, bits));
}

/** Compares without stopping at the first difference. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
