import type { HostBridge } from '../../../../shared/ipc/contract';
import { formatText, type BilingualText } from './documentMessages';

/** Scans taken in one go; the host hands over one file per call, so this bounds one import. */
export const MAX_FILES_PER_IMPORT = 100;

/** The name each taken scan waits under on the host until it is stored encrypted and released. */
const stagedNames = new WeakMap<File, string>();

/** The host's `staged` name of a file that came from the scan folder; undefined for any other file. */
export function stagedScanOf(file: File): string | undefined {
  return stagedNames.get(file);
}

/**
 * The scans are stored encrypted: the host removes them from its disk (docs/decisions/0034). Best
 * effort: one the host could not remove is offered again at its next start, never lost.
 */
export async function releaseScans(host: Pick<HostBridge, 'files:release-scanned'>, staged: readonly string[]): Promise<void> {
  for (let start = 0; start < staged.length; start += MAX_FILES_PER_IMPORT) {
    await host['files:release-scanned']({ staged: staged.slice(start, start + MAX_FILES_PER_IMPORT) });
  }
}

export interface TakenScans {
  files: File[];
  /** Files the host moved aside without taking (too large). */
  refused: string[];
  /** Why taking stopped early, when it did. */
  problem?: BilingualText;
}

/**
 * Takes every finished scan the host has, one call per file, as Files for the documents' import path.
 * Stops when the host says none remain, hands over nothing, fails, or after MAX_FILES_PER_IMPORT.
 */
export async function takeScans(host: Pick<HostBridge, 'files:take-scanned'>, onProgress: (taken: number) => void = () => undefined): Promise<TakenScans> {
  const files: File[] = [];
  const refused: string[] = [];
  for (let i = 0; i < MAX_FILES_PER_IMPORT; i += 1) {
    const result = await host['files:take-scanned']({});
    if (!result.ok) {
      return { files, refused, problem: formatText('scanFolderUnreadable', { reason: result.message }) };
    }
    refused.push(...result.value.refused.map((file) => file.name));
    const { file } = result.value;
    if (file !== undefined) {
      const taken = new File([file.bytes], file.name, { lastModified: Date.parse(file.modifiedAt) });
      stagedNames.set(taken, file.staged);
      files.push(taken);
      onProgress(files.length);
    }
    if (file === undefined || result.value.remaining === 0) break;
  }
  return { files, refused };
}
