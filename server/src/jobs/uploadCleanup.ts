/**
 * The upload cleanup job: deletes document uploads that stopped before their last byte and have been
 * idle longer than INCOMPLETE_UPLOAD_MAX_AGE_DAYS (documents/incompleteUploads.ts). Verified blobs are
 * never touched.
 */
import { uploadsDirOf } from '../documents/uploadsDirOf';
import { removeIncompleteUploads } from '../documents/incompleteUploads';
import type { RemovedUploads } from '../documents/incompleteUploads';

/** How often the job looks; far below the age limit, so an upload goes within an hour of expiring. */
export const UPLOAD_CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

export function cleanUpIncompleteUploads(documentsDir: string, options: { now: Date; maxAgeMs: number }): Promise<RemovedUploads> {
  return removeIncompleteUploads(uploadsDirOf(documentsDir), options);
}
