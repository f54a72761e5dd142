/**
 * Removes uploads that were started and then abandoned (a device reinstalled, a document deleted
 * before it finished uploading): their partial bytes would otherwise stay in the upload folder for
 * ever.
 *
 * Invariants:
 * - Only the tus upload folder (`<documents>/uploads`) is read; the content-addressed blobs live in
 *   a sibling folder this never opens. A finished upload is no longer in the upload folder (its file
 *   was moved into the blob store and its `.json` deleted), so only unfinished ones are candidates.
 * - An upload is judged by its last activity — the newer modification time of its data file (which
 *   every PATCH writes) and its `.json` info file — not by when it started, so a large document that
 *   a field laptop resumes over several days keeps its bytes.
 * - A device that resumes an upload removed here gets 404 for it and starts that document over, which
 *   costs bytes but loses nothing: the local copy stays until the server confirms the blob.
 */
import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface RemovedUploads {
  /** Upload ids whose files were removed. */
  removed: string[];
  /** Uploads younger than the age limit, left in place. */
  kept: number;
}

const INFO_SUFFIX = '.json';

/** Deletes every upload in `uploadsDir` whose last activity is older than `maxAgeMs` before `now`. */
export async function removeIncompleteUploads(uploadsDir: string, options: { now: Date; maxAgeMs: number }): Promise<RemovedUploads> {
  let names: string[];
  try {
    names = await readdir(uploadsDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { removed: [], kept: 0 };
    throw error;
  }
  // An upload is its data file `<id>` and its info file `<id>.json`; either may be missing (an upload
  // created but never written to; an info file left behind after a finish that failed to delete it).
  const lastActivity = new Map<string, number>();
  for (const name of names) {
    const id = name.endsWith(INFO_SUFFIX) ? name.slice(0, -INFO_SUFFIX.length) : name;
    let stats;
    try {
      stats = await lstat(join(uploadsDir, name));
    } catch {
      continue; // finished or removed meanwhile
    }
    if (!stats.isFile()) continue;
    lastActivity.set(id, Math.max(lastActivity.get(id) ?? 0, stats.mtimeMs));
  }
  const cutoff = options.now.getTime() - options.maxAgeMs;
  const removed: string[] = [];
  let kept = 0;
  for (const [id, at] of lastActivity) {
    if (at >= cutoff) {
      kept += 1;
      continue;
    }
    // The info file first: without it tus answers 404 for the upload, so nothing writes to a data
    // file that is about to go.
    await rm(join(uploadsDir, `${id}${INFO_SUFFIX}`), { force: true });
    await rm(join(uploadsDir, id), { force: true });
    removed.push(id);
  }
  return { removed, kept };
}
