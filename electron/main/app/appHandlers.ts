import type { HostConfig } from '../../../shared/ipc/contract';
import type { IpcHandlerGroup } from '../ipc/ipcRouter';
import type { UpdateController } from './updater';

/** The host:* and app:* channels: what this host is, how it is configured, and its updates. */

/** What the host and app channels need from Electron (host/electronHostDeps.ts provides it). */
export interface AppDeps {
  readonly appVersion: string;
  readonly platform: string;
  readonly config: HostConfig;
  readonly updates: UpdateController;
}

export function createAppHandlers<S>(deps: AppDeps): IpcHandlerGroup<S, 'host' | 'app'> {
  return {
    'host:get-info': async () => ({
      ok: true,
      value: { kind: 'electron', appVersion: deps.appVersion, platform: deps.platform },
    }),

    'host:get-config': async () => ({ ok: true, value: { ...deps.config } }),

    'app:check-for-updates': async (request) => ({ ok: true, value: await deps.updates.check(request) }),

    'app:set-busy': async (request) => {
      const update = deps.updates.setBusy(request.busy);
      return { ok: true, value: { busy: deps.updates.isBusy(), update } };
    },
  };
}
