import type { HostBridge } from '../../../../shared/ipc/contract';
import { formatText, type BilingualText } from './documentMessages';

/** Scans taken in one go; the host hands over one file per call, so this bounds one import. */
export const MAX_FILES_PER_IMPORT = 100;

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
      files.push(new File([file.bytes], file.name, { lastModified: Date.parse(file.modifiedAt) }));
      onProgress(files.length);
    }
    if (file === undefined || result.value.remaining === 0) break;
  }
  return { files, refused };
}
