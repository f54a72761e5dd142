/**
 * Passwords are stored only as argon2id PHC strings (@node-rs/argon2's default algorithm, with its
 * default OWASP-level cost). Verifying against an unknown user still runs one argon2 verification,
 * against a fixed dummy hash, so the response time does not tell which usernames exist.
 */
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/** True only when `passwordHash` is present and matches; costs one argon2 verification either way. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    dummyHash ??= hash('counterdesk-dummy-password-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must not turn into a 500 that reveals the account exists.
    return false;
  }
}
