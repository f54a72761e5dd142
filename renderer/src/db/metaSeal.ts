import { deviceDataKey, type DataKeyHolder } from './dataKeyHolder';
import type { CounterDeskDb } from './database';
import { deriveKeys, openRecord, sealRecord, type DerivedKeys } from './recordCipher';
import { fromBase64, toBase64 } from './base64';

/**
 * Secrets kept in `meta` (the session token, the device secret, an offline grant's session) sealed under
 * the device data key's record key, like the records (docs/decisions/0034). Each is bound to its meta
 * key, so a sealed value copied under another key does not open. Stored as base64 text.
 */

/** The data key holder a database's secrets are sealed under (a test database without encryption uses the app's). */
export function holderOf(db: CounterDeskDb): DataKeyHolder {
  return db.encryption ?? deviceDataKey;
}

function context(metaKey: string): string {
  return `counterdesk:meta:${metaKey}`;
}

export function sealMeta(keys: DerivedKeys, metaKey: string, value: unknown): string {
  return toBase64(sealRecord(keys.record, value, context(metaKey)));
}

/** The value, or undefined when it does not open (another data key, tampering). */
export function openMeta(keys: DerivedKeys, metaKey: string, sealed: string): unknown {
  try {
    return openRecord(keys.record, fromBase64(sealed), context(metaKey));
  } catch {
    return undefined;
  }
}

/** Keys from a data key that was unwrapped but not taken (to read the device secret before sign-in). */
export function keysOf(dataKey: Uint8Array): DerivedKeys {
  return deriveKeys(dataKey);
}
