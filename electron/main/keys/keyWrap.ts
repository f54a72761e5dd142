import type { IpcResult, KeyWrapStatus } from '../../../shared/ipc/contract';

/**
 * The device data key wrapped by Electron's safeStorage (docs/decisions/0011-encryption-at-rest.md),
 * without importing electron: main.ts passes `safeStorage` in, tests a fake.
 *
 * safeStorage encrypts with the operating system's key store: DPAPI on Windows, the Keychain on macOS,
 * libsecret or KWallet on Linux. On Linux without either it falls back to `basic_text`, a key fixed in
 * Chromium's source: such a wrapping protects nothing, so this module refuses to make one and reports
 * `protectsAtRest: false`, and the renderer relies on the password-derived copy (and says so).
 */

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; other platforms always use their OS key store. */
  getSelectedStorageBackend?(): string;
}

/** Linux backends that do not involve a key store of the OS user. */
const UNPROTECTED_BACKENDS = new Set(['basic_text', 'unknown']);

const KEY_PATTERN = /^[A-Za-z0-9+/]{43}=$/;

function encryptionAvailable(safeStorage: SafeStorageLike): boolean {
  try {
    return safeStorage.isEncryptionAvailable();
  } catch {
    // Electron throws before the app is ready on some platforms: not available yet is not available.
    return false;
  }
}

export function keyWrapStatus(safeStorage: SafeStorageLike, platform: string): KeyWrapStatus {
  const backend = platform === 'win32' ? 'dpapi' : platform === 'darwin' ? 'keychain' : (safeStorage.getSelectedStorageBackend?.() ?? 'unknown');
  return { backend, protectsAtRest: encryptionAvailable(safeStorage) && !UNPROTECTED_BACKENDS.has(backend) };
}

export interface KeyWrapper {
  status(): KeyWrapStatus;
  wrap(key: string): IpcResult<KeyWrapStatus & { wrapped?: string }>;
  unwrap(wrapped: string): IpcResult<{ key: string }>;
}

export function createKeyWrapper(safeStorage: SafeStorageLike, platform: string): KeyWrapper {
  return {
    status: () => keyWrapStatus(safeStorage, platform),
    wrap(key) {
      const status = keyWrapStatus(safeStorage, platform);
      if (!KEY_PATTERN.test(key)) return { ok: false, code: 'invalid_request', message: 'a data key is base64 of 32 bytes' };
      if (!status.protectsAtRest) return { ok: true, value: status };
      try {
        return { ok: true, value: { ...status, wrapped: safeStorage.encryptString(key).toString('base64') } };
      } catch (error) {
        return { ok: false, code: 'internal_error', message: `safeStorage could not wrap the key: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    unwrap(wrapped) {
      if (!keyWrapStatus(safeStorage, platform).protectsAtRest) {
        return { ok: false, code: 'invalid_request', message: 'this host has no key store of the operating system to unwrap with' };
      }
      let key: string;
      try {
        key = safeStorage.decryptString(Buffer.from(wrapped, 'base64'));
      } catch (error) {
        // Another OS user, another machine, or a damaged copy: the renderer falls back to the password.
        return { ok: false, code: 'internal_error', message: `safeStorage could not unwrap the key: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (!KEY_PATTERN.test(key)) return { ok: false, code: 'internal_error', message: 'the unwrapped value is not a data key' };
      return { ok: true, value: { key } };
    },
  };
}
