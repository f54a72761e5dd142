import type { UpdateStatus } from '../../../shared/ipc/contract';
import type { MessageKey } from '../lib/i18n';
import { useUpdateStatus } from '../state/updates';

/**
 * The workspace bar's note about an update: only what the clerk may want to know (downloading, waiting
 * for the case to be finished, installing, failing), nothing while the app is current.
 */
const noteKeys: Partial<Record<UpdateStatus['state'], MessageKey>> = {
  downloading: 'updateDownloading',
  deferred: 'updateDeferred',
  installing: 'updateInstalling',
  error: 'updateFailed',
};

/** The message key (and version) for an update state worth a note, or undefined when there is nothing to say. */
export function updateNote(status: UpdateStatus | undefined): { key: MessageKey; version: string } | undefined {
  const key = status === undefined ? undefined : noteKeys[status.state];
  return key === undefined || status === undefined ? undefined : { key, version: status.version ?? '' };
}

/** The note for the workspace bar (translate `key` with `{ version }`), or undefined. */
export function useUpdateNote(): { key: MessageKey; version: string } | undefined {
  return updateNote(useUpdateStatus((state) => state.status));
}
