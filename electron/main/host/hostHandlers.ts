import { createAppHandlers } from '../app/appHandlers';
import { createFilesHandlers } from '../files/filesHandlers';
import type { IpcHandlers } from '../ipc/ipcRouter';
import { createKeysHandlers } from '../keys/keysHandlers';
import { createPrintHandlers } from '../print/printHandlers';
import { createWindowHandlers } from '../window/windowHandlers';
import type { HostDeps } from './hostDeps';

/**
 * What the main process does for each bridge channel: one handler object per channel group, merged.
 * Each group lives with the code it drives (print/, files/, keys/, window/, app/); the return type
 * makes the compiler check that together they handle every channel of shared/ipc/contract.ts.
 */
export function createHostHandlers<S>(deps: HostDeps<S>): IpcHandlers<S> {
  return {
    ...createAppHandlers<S>(deps),
    ...createPrintHandlers(deps),
    ...createFilesHandlers(deps),
    ...createKeysHandlers<S>(deps),
    ...createWindowHandlers<S>(deps),
  };
}
