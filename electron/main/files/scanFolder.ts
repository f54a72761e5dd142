import { copyFile, lstat, mkdir, open, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { MAX_SCANNED_FILE_BYTES, type ScanFolderStatus, type ScannedFile } from '../../../shared/ipc/contract';

/**
 * The station's scan folder: network scanners and multifunction printers save into it, and the clerk
 * imports what they saved into the open case.
 *
 * Invariants:
 * 1. a file is finished only when its size and modification time are the same at `STABLE_POLLS`
 *    consecutive polls after it was first seen, it is not empty, and it can be opened for reading (on
 *    Windows a scanner still writing holds it locked); a file read for taking must still have that size;
 * 2. a file is taken once: after its bytes are read it is moved into the folder's hidden `.importing/`
 *    subfolder (a file too large to take, into `refused/`), and only a successful move hands the bytes
 *    out. Moving rather than remembering name+size+mtime survives restarts and copes with scanners that
 *    restart their numbering (a name already there gets a " (2)" suffix);
 * 2a. a taken file leaves the disk only once the renderer has stored it encrypted (`release`): deleted,
 *    or moved into the folder the bureau names (`archiveFolder`, counterdesk.json). A file taken but never
 *    released (the app stopped, the clerk dropped the page) goes back into the folder at the next start,
 *    so it is offered again, never lost (docs/decisions/0034-device-at-rest-and-its-clock.md);
 * 3. only regular files directly in the folder with a document extension are considered (no symbolic
 *    links, no subfolders, no hidden or temporary files), so the folder cannot lead the host elsewhere;
 * 4. polling, not fs.watch: scan folders are often SMB shares, where change events are unreliable;
 * 5. the folder is chosen in the host's folder dialog and stored per station in `scan-folder.json` (like
 *    the printers): a missing or invalid file means no folder; a write is atomic.
 */

export const SCAN_FOLDER_FILE = 'scan-folder.json';
/** Taken, waiting for the renderer to store it encrypted. */
export const STAGING_DIR = '.importing';
/** Where builds before decisions/0034 left every imported scan, in the clear; reported at start. */
export const LEGACY_IMPORTED_DIR = 'imported';
export const REFUSED_DIR = 'refused';
export const DEFAULT_POLL_MS = 2000;
/** Polls after the first sighting that must see the same size and mtime. */
export const STABLE_POLLS = 2;

const DOCUMENT_EXTENSION = /\.(pdf|jpe?g|png|webp)$/i;
/** Names scanners and Office use while writing: hidden files, `~$…`, `….tmp`, `….part`, `….crdownload`. */
const TEMPORARY_NAME = /^[.~]|\.(tmp|part|crdownload)$/i;

const storedSchema = z.object({ folder: z.string().min(1).max(1000).nullable() });

interface Observation {
  size: number;
  mtimeMs: number;
  /** Consecutive polls that saw this size and mtime again. */
  unchanged: number;
  /** Whether the last poll could open the file. */
  openable: boolean;
}

export interface TakeScannedResult {
  file?: ScannedFile;
  refused: { name: string; size: number; reason: 'too_large' }[];
  remaining: number;
}

export interface ScanFolderService {
  status(): Promise<ScanFolderStatus>;
  /** Watch `folder` (an absolute path from the folder dialog), or nothing when undefined. */
  setFolder(folder: string | undefined): Promise<ScanFolderStatus>;
  /** Look at the folder once; the timer started by `start` calls this. */
  poll(): Promise<void>;
  take(): Promise<TakeScannedResult>;
  /** The renderer stored these taken files (their `staged` names) encrypted: remove them from the disk. */
  release(staged: readonly string[]): Promise<{ released: number }>;
  start(): void;
  stop(): void;
}

export interface ScanFolderOptions {
  readonly pollMs?: number;
  readonly maxBytes?: number;
  readonly log?: (message: string) => void;
  /** Where a stored scan is moved instead of being deleted (an absolute path the bureau names). */
  readonly archiveFolder?: string;
}

export function isScanCandidate(name: string): boolean {
  return DOCUMENT_EXTENSION.test(name) && !TEMPORARY_NAME.test(name);
}

function problemMessage(folder: string, error: unknown): { zh: string; en: string } {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const shown = folder.length > 200 ? `…${folder.slice(-199)}` : folder;
  return code === 'ENOENT'
    ? { zh: `找不到掃描資料夾「${shown}」，請檢查連線或重新選擇。`, en: `The scan folder ${shown} does not exist: check the connection or choose it again.` }
    : { zh: `無法讀取掃描資料夾「${shown}」（${code}），請檢查權限或重新選擇。`, en: `The scan folder ${shown} cannot be read (${code}): check its permissions or choose it again.` };
}

async function canOpen(filePath: string): Promise<boolean> {
  try {
    const handle = await open(filePath, 'r');
    await handle.close();
    return true;
  } catch {
    return false;
  }
}

/** `name`, or `name (2).ext`, `name (3).ext`…, whichever does not exist yet in `dir`. */
async function freeName(dir: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${base} (${n})${ext}`;
    try {
      await lstat(path.join(dir, candidate));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return candidate;
      throw error;
    }
  }
}

/** Moves `from` into `dir` under a free name; returns that name. Across volumes, copies then deletes. */
async function moveFileInto(from: string, dir: string, name: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const free = await freeName(dir, name);
  try {
    await rename(from, path.join(dir, free));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, path.join(dir, free));
    await unlink(from);
  }
  return free;
}

function moveInto(folder: string, subfolder: string, name: string): Promise<string> {
  return moveFileInto(path.join(folder, name), path.join(folder, subfolder), name);
}

const isBareName = (name: string) => name !== '' && name !== '.' && name !== '..' && path.basename(name) === name && !/[/\\]/.test(name);

/** Files taken before the app stopped go back into the folder, to be offered again. */
async function restoreStaged(folder: string, log: (message: string) => void): Promise<void> {
  const staging = path.join(folder, STAGING_DIR);
  let names: string[];
  try {
    names = (await readdir(staging, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return;
  }
  for (const name of names) {
    await moveFileInto(path.join(staging, name), folder, name).catch((error: unknown) => log(`scan folder: cannot put ${name} back: ${String(error)}`));
  }
  const legacy = await readdir(path.join(folder, LEGACY_IMPORTED_DIR)).catch(() => []);
  if (legacy.length > 0) log(`scan folder: ${legacy.length} scans imported by an earlier version are still in ${path.join(folder, LEGACY_IMPORTED_DIR)}; they are stored in the app and can be deleted`);
}

export function createScanFolderService(userDataDir: string, options: ScanFolderOptions = {}): ScanFolderService {
  const settingsPath = path.join(userDataDir, SCAN_FOLDER_FILE);
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const maxBytes = options.maxBytes ?? MAX_SCANNED_FILE_BYTES;
  const log = options.log ?? ((message) => console.warn(message));
  const archiveFolder = options.archiveFolder;
  let folder: string | undefined;
  let loaded: Promise<void> | undefined;
  let observations = new Map<string, Observation>();
  let problem: { zh: string; en: string } | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  // Polls and takes run one at a time, so a file is never read by one while another moves it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  function load(): Promise<void> {
    loaded ??= readFile(settingsPath, 'utf8')
      .then((text) => {
        const parsed = storedSchema.safeParse(JSON.parse(text));
        if (parsed.success && (parsed.data.folder === null || path.isAbsolute(parsed.data.folder))) folder = parsed.data.folder ?? undefined;
        else log(`scan folder: ${settingsPath} is not valid; no scan folder until one is chosen again`);
      })
      .then(() => (folder === undefined ? undefined : restoreStaged(folder, log)))
      .catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`scan folder: cannot read ${settingsPath}: ${String(error)}`);
      });
    return loaded;
  }

  const isReady = (observation: Observation) => observation.unchanged >= STABLE_POLLS && observation.size > 0 && observation.openable;

  function currentStatus(): ScanFolderStatus {
    if (folder === undefined) return { available: true, ready: 0, writing: 0 };
    let ready = 0;
    for (const observation of observations.values()) if (isReady(observation)) ready += 1;
    return { available: true, folder, ready, writing: observations.size - ready, ...(problem === undefined ? {} : { problem }) };
  }

  async function pollNow(): Promise<void> {
    await load();
    const watched = folder;
    if (watched === undefined) return;
    let names: string[];
    try {
      const entries = await readdir(watched, { withFileTypes: true });
      names = entries.filter((entry) => entry.isFile() && isScanCandidate(entry.name)).map((entry) => entry.name);
      problem = undefined;
    } catch (error) {
      problem = problemMessage(watched, error);
      observations = new Map();
      return;
    }
    const next = new Map<string, Observation>();
    for (const name of names) {
      const filePath = path.join(watched, name);
      let stats;
      try {
        stats = await lstat(filePath);
      } catch {
        continue; // Gone between readdir and lstat: the scanner renamed its temporary file.
      }
      if (!stats.isFile()) continue;
      const seen = observations.get(name);
      const same = seen !== undefined && seen.size === stats.size && seen.mtimeMs === stats.mtimeMs;
      const unchanged = same ? seen.unchanged + 1 : 0;
      const openable = unchanged >= STABLE_POLLS ? await canOpen(filePath) : false;
      next.set(name, { size: stats.size, mtimeMs: stats.mtimeMs, unchanged, openable });
    }
    if (folder === watched) observations = next;
  }

  async function takeNow(): Promise<TakeScannedResult> {
    await load();
    const watched = folder;
    const refused: TakeScannedResult['refused'] = [];
    if (watched === undefined) return { refused, remaining: 0 };
    // Oldest first: the order the pages came out of the scanner.
    const ready = [...observations.entries()].filter(([, observation]) => isReady(observation)).sort(([a, x], [b, y]) => x.mtimeMs - y.mtimeMs || a.localeCompare(b));
    let file: ScannedFile | undefined;
    for (const [name, observation] of ready) {
      if (file !== undefined) break;
      const filePath = path.join(watched, name);
      if (observation.size > maxBytes) {
        try {
          await moveInto(watched, REFUSED_DIR, name);
          refused.push({ name, size: observation.size, reason: 'too_large' });
        } catch (error) {
          log(`scan folder: cannot move ${name} aside: ${String(error)}`);
        }
        observations.delete(name);
        continue;
      }
      let bytes: Uint8Array<ArrayBuffer>;
      let staged: string;
      try {
        const stats = await lstat(filePath);
        if (!stats.isFile() || stats.size !== observation.size || stats.mtimeMs !== observation.mtimeMs) throw new Error('changed since the last poll');
        bytes = new Uint8Array(await readFile(filePath));
        if (bytes.byteLength !== observation.size) throw new Error('changed while being read');
        staged = await moveInto(watched, STAGING_DIR, name);
      } catch (error) {
        // Not handed out: it stays (or is seen again) in the folder and is looked at afresh.
        log(`scan folder: ${name} not taken yet: ${error instanceof Error ? error.message : String(error)}`);
        observations.delete(name);
        continue;
      }
      observations.delete(name);
      file = { name, staged, modifiedAt: new Date(observation.mtimeMs).toISOString(), bytes };
    }
    const remaining = [...observations.values()].filter(isReady).length;
    return { ...(file === undefined ? {} : { file }), refused, remaining };
  }

  async function releaseNow(staged: readonly string[]): Promise<{ released: number }> {
    await load();
    const watched = folder;
    if (watched === undefined) return { released: 0 };
    let released = 0;
    for (const name of staged) {
      if (!isBareName(name)) continue;
      const from = path.join(watched, STAGING_DIR, name);
      try {
        if (archiveFolder === undefined) await unlink(from);
        else await moveFileInto(from, archiveFolder, name);
        released += 1;
      } catch (error) {
        // Already gone is fine; anything else leaves it staged, to be offered again at the next start.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`scan folder: cannot remove ${name}: ${String(error)}`);
      }
    }
    return { released };
  }

  return {
    async status() {
      await load();
      return currentStatus();
    },
    setFolder: (chosen) =>
      serial(async () => {
        await load();
        if (chosen !== undefined && !path.isAbsolute(chosen)) throw new Error('The scan folder must be an absolute path');
        await mkdir(userDataDir, { recursive: true });
        const temporary = `${settingsPath}.${process.pid}.tmp`;
        await writeFile(temporary, `${JSON.stringify({ folder: chosen ?? null }, null, 2)}\n`, 'utf8');
        await rename(temporary, settingsPath);
        folder = chosen;
        observations = new Map();
        problem = undefined;
        await pollNow();
        return currentStatus();
      }),
    poll: () => serial(pollNow),
    take: () => serial(takeNow),
    release: (staged) => serial(() => releaseNow(staged)),
    start() {
      if (timer !== undefined) return;
      timer = setInterval(() => {
        void serial(pollNow).catch((error: unknown) => log(`scan folder: poll failed: ${String(error)}`));
      }, pollMs);
      timer.unref?.();
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}
