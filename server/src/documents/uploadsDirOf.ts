import { join } from 'node:path';

/** Where tus keeps uploads in progress, inside the documents folder (the blobs are in `blobs/`). */
export function uploadsDirOf(documentsDir: string): string {
  return join(documentsDir, 'uploads');
}
