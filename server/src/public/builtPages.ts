/**
 * The front office's public pages (kiosk, hall display, phone page) as the renderer's build left them
 * (docs/decisions/0039): each page's HTML and the built files it loads, read from the build's manifest
 * (`.vite/manifest.json`). Only those files are served, never the desktop app's own bundle or the
 * source maps. The manifest is read again when it changes, so a rebuild needs no restart, and a server
 * started before the first build serves the pages as soon as it exists.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const frontOfficePages = { kiosk: 'kiosk.html', display: 'display.html', ticket: 'ticket.html' } as const;
export type FrontOfficePage = keyof typeof frontOfficePages;
/** The service worker's entry in the manifest (vite.config.ts builds it to /kiosk-sw.js). */
const SERVICE_WORKER_ENTRY = 'src/frontOffice/kiosk/serviceWorker.ts';

const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string().regex(/^[A-Za-z0-9._/-]+$/).refine((file) => !file.split('/').includes('..'), 'a built file inside the build folder'),
    imports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
    assets: z.array(z.string()).optional(),
  }),
);
type Manifest = z.infer<typeof manifestSchema>;

export interface PageFiles {
  html: Record<FrontOfficePage, string>;
  /** Per page, the built files it loads (paths inside the build folder: `assets/kiosk-x1y2.js`). */
  filesOf: Record<FrontOfficePage, readonly string[]>;
  /** The service worker's file and every file a page loads: what may be served. */
  servable: ReadonlySet<string>;
  serviceWorker: string;
}

/** The files an entry loads: its own, its imports' (transitively), their styles and assets. */
export function filesOfEntry(manifest: Manifest, entry: string): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build's manifest has no ${key}`);
    files.add(chunk.file);
    for (const file of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  return [...files].filter((file) => !file.endsWith('.html')).sort();
}

export function pageFilesOf(manifest: Manifest, html: Record<FrontOfficePage, string>): PageFiles {
  const pages = Object.keys(frontOfficePages) as FrontOfficePage[];
  const filesOf = Object.fromEntries(pages.map((page) => [page, filesOfEntry(manifest, frontOfficePages[page])])) as Record<FrontOfficePage, string[]>;
  const serviceWorker = manifest[SERVICE_WORKER_ENTRY]?.file;
  if (!serviceWorker) throw new Error(`the build's manifest has no ${SERVICE_WORKER_ENTRY}`);
  const servable = new Set([...pages.flatMap((page) => filesOf[page]), ...filesOfEntry(manifest, SERVICE_WORKER_ENTRY)]);
  return { html, filesOf, servable, serviceWorker };
}

export interface BuiltPages {
  /** undefined: the renderer is not built in `dir` (or not with the front-office pages). */
  load(): Promise<PageFiles | undefined>;
  read(file: string): Promise<Buffer>;
}

export function createBuiltPages(dir: string): BuiltPages {
  const manifestPath = join(dir, '.vite', 'manifest.json');
  let cached: { mtimeMs: number; files: PageFiles | undefined } | undefined;

  async function readPages(): Promise<PageFiles | undefined> {
    const manifest = manifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
    const pages = Object.keys(frontOfficePages) as FrontOfficePage[];
    if (pages.some((page) => !manifest[frontOfficePages[page]]) || !manifest[SERVICE_WORKER_ENTRY]) return undefined;
    const html = Object.fromEntries(await Promise.all(pages.map(async (page) => [page, await readFile(join(dir, frontOfficePages[page]), 'utf8')]))) as Record<FrontOfficePage, string>;
    return pageFilesOf(manifest, html);
  }

  return {
    async load() {
      const mtimeMs = await stat(manifestPath).then((s) => s.mtimeMs, () => undefined);
      if (mtimeMs === undefined) return undefined;
      if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, files: await readPages() };
      return cached.files;
    },
    read: (file) => readFile(join(dir, file)),
  };
}
