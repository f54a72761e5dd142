import { deriveKeys, type DerivedKeys } from './recordCipher';

/** Taxpayer data was asked for while the device is locked (no data key in memory). */
export class DeviceLockedError extends Error {
  override readonly name = 'DeviceLockedError';
  constructor(what = 'taxpayer data') {
    super(`the device is locked: ${what} cannot be read or written until the user unlocks it`);
  }
}

/**
 * The device data key while the device is unlocked: held only in memory (as the keys derived from
 * it), never stored in the clear, dropped on lock and sign-out. The encryption middleware asks it for
 * the keys at every read and write, so locking takes effect at the next request.
 */
export class DataKeyHolder {
  private keys: DerivedKeys | undefined;
  private readonly listeners = new Set<(unlocked: boolean) => void>();

  get unlocked(): boolean {
    return this.keys !== undefined;
  }

  set(dataKey: Uint8Array): void {
    this.keys = deriveKeys(dataKey);
    for (const listener of this.listeners) listener(true);
  }

  clear(): void {
    if (!this.keys) return;
    this.keys = undefined;
    for (const listener of this.listeners) listener(false);
  }

  /** The keys, or DeviceLockedError. */
  require(what?: string): DerivedKeys {
    if (!this.keys) throw new DeviceLockedError(what);
    return this.keys;
  }

  subscribe(listener: (unlocked: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The app's one holder, used by the database getDb() returns. */
export const deviceDataKey = new DataKeyHolder();
