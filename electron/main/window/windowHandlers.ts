import type { CustomerDisplayPlacement } from '../../../shared/ipc/contract';
import type { IpcHandlerGroup } from '../ipc/ipcRouter';

/** The window:* channels: the citizen's screen beside the counter's. */

/** What the window channels need from Electron (host/electronHostDeps.ts provides it). */
export interface WindowDeps {
  /** Opens the customer display window or brings it forward (customerDisplayWindow.ts). */
  openCustomerDisplay(): { placement: CustomerDisplayPlacement };
}

export function createWindowHandlers<S>(deps: WindowDeps): IpcHandlerGroup<S, 'window'> {
  return {
    'window:open-customer-display': async () => ({ ok: true, value: { opened: true, ...deps.openCustomerDisplay() } }),
  };
}
