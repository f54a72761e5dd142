import type { IpcHandlerGroup } from '../ipc/ipcRouter';
import type { KeyWrapper } from './keyWrap';

/** The keys:* channels: the device data key, wrapped and unwrapped by the OS key store. */

/** What the keys channels need from Electron (host/electronHostDeps.ts provides it). */
export interface KeysDeps {
  /** The device data key wrapped by the OS key store (keyWrap.ts). */
  readonly keyWrap: KeyWrapper;
}

export function createKeysHandlers<S>(deps: KeysDeps): IpcHandlerGroup<S, 'keys'> {
  return {
    'keys:status': async () => ({ ok: true, value: deps.keyWrap.status() }),

    'keys:wrap': async (request) => deps.keyWrap.wrap(request.key),

    'keys:unwrap': async (request) => deps.keyWrap.unwrap(request.wrapped),
  };
}
