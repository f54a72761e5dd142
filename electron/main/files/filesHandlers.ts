import { ipcFailure } from '../ipc/ipcFailure';
import type { IpcHandlerGroup } from '../ipc/ipcRouter';
import type { ScanFolderService } from './scanFolder';

/** The files:* channels: the scan folder the scanner saves into, and the scans the counter takes from it. */

export interface OpenFolderDialogRequest {
  title: string;
  defaultPath?: string;
}

/** What the files channels need from Electron (host/electronHostDeps.ts provides it). */
export interface FilesDeps<S> {
  readonly scanFolder: ScanFolderService;
  /** The system's folder dialog, modal to the sender's window; undefined when cancelled. */
  chooseFolder(sender: S, options: OpenFolderDialogRequest): Promise<string | undefined>;
}

export function createFilesHandlers<S>(deps: FilesDeps<S>): IpcHandlerGroup<S, 'files'> {
  return {
    'files:scan-folder-status': async () => ({ ok: true, value: await deps.scanFolder.status() }),

    'files:choose-scan-folder': async (_request, { sender }) => {
      const current = await deps.scanFolder.status();
      const chosen = await deps.chooseFolder(sender, {
        title: '選擇掃描資料夾 Choose the scan folder',
        ...(current.folder === undefined ? {} : { defaultPath: current.folder }),
      });
      if (chosen === undefined) return ipcFailure('cancelled', '已取消選擇資料夾。 Choosing the folder was cancelled.');
      return { ok: true, value: await deps.scanFolder.setFolder(chosen) };
    },

    'files:clear-scan-folder': async () => ({ ok: true, value: await deps.scanFolder.setFolder(undefined) }),

    'files:take-scanned': async () => ({ ok: true, value: await deps.scanFolder.take() }),

    'files:release-scanned': async (request) => ({ ok: true, value: await deps.scanFolder.release(request.staged) }),
  };
}
