/**
 * A device's secret: 32 random bytes, stored only as its SHA-256 (enough for random bytes, with no
 * dictionary to guess from, and cheap enough to check on every request).
 */
import { createHash, randomBytes } from 'node:crypto';

export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashDeviceSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
