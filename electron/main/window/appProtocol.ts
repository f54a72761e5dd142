import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { APP_SCHEME } from '../../../shared/ipc/contract';
import { APP_HOST } from '../ipc/appUrl';

/**
 * Serves the built renderer (`out/renderer`) under app://counterdesk.
 *
 * Invariant: a response is only ever a regular file inside the renderer root. Every path segment is decoded
 * once and refused if it is `.`/`..` or still holds a separator or NUL after decoding, and the joined path is
 * checked to stay below the root, so neither `..` nor `%2e%2e` nor `%2f` walks out. Unknown routes without a
 * file extension get index.html (the single-page app decides what to show); a missing asset is a 404, so a
 * broken build fails loudly rather than loading HTML as a script. Every response carries the CSP.
 */

/** Electron's CustomScheme, as far as we set it. */
export interface CustomSchemeLike {
  scheme: string;
  privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean };
}

/**
 * Must run before the app is ready. `standard` gives app:// real origins and relative URL resolution,
 * `secure` makes it a secure context (camera, WebCrypto), `supportFetchAPI` lets the renderer fetch its own
 * assets (the service catalogue, the calendar). `corsEnabled` is deliberately unset: it would let other
 * origins read app:// responses, and the UI only ever loads its own files same-origin.
 */
export function registerAppScheme(protocol: { registerSchemesAsPrivileged(schemes: CustomSchemeLike[]): void }): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

/** The Content-Type for a file name; unknown extensions are served as opaque bytes, never sniffed. */
export function mimeTypeOf(filePath: string): string {
  return mimeTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPathResolution =
  | { kind: 'file'; filePath: string; /** true when the route has no file extension: index.html may stand in. */ spaFallback: boolean }
  | { kind: 'refused'; status: 400 | 403 | 404; reason: string };

/**
 * Map an app:// URL to a file below `rootDir`, or refuse it. Pure: touches no file.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): AppPathResolution {
  const root = path.resolve(rootDir);
  // The raw path is read before URL parsing, which would resolve dot segments and hide the attempt.
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(requestUrl);
  if (match === null || match[1]?.toLowerCase() !== APP_SCHEME) return { kind: 'refused', status: 400, reason: 'not an app:// URL' };
  if (match[2]?.toLowerCase() !== APP_HOST) return { kind: 'refused', status: 404, reason: `unknown host ${match[2] ?? ''}` };

  const segments: string[] = [];
  for (const raw of (match[3] ?? '').split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', status: 400, reason: 'malformed percent-encoding' };
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment) || /^[a-z]:/i.test(segment)) {
      return { kind: 'refused', status: 403, reason: 'path traversal' };
    }
    segments.push(segment);
  }

  if (segments.length === 0) return { kind: 'file', filePath: path.join(root, 'index.html'), spaFallback: false };
  const filePath = path.resolve(root, ...segments);
  if (!filePath.startsWith(root + path.sep)) return { kind: 'refused', status: 403, reason: 'path traversal' };
  const last = segments[segments.length - 1] ?? '';
  return { kind: 'file', filePath, spaFallback: path.extname(last) === '' };
}

export interface AppProtocolOptions {
  /** The built renderer folder (vite's outDir). */
  readonly rootDir: string;
  /** The Content-Security-Policy header value (see security.ts). */
  readonly csp: string;
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

/** A handler for `protocol.handle('app', …)`; works on plain WHATWG Request/Response, so Node tests call it. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const baseHeaders = {
    'Content-Security-Policy': options.csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  const plain = (status: number, text: string) =>
    new Response(text, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const resolved = resolveAppPath(options.rootDir, request.url);
    if (resolved.kind === 'refused') return plain(resolved.status, resolved.reason);

    let filePath = resolved.filePath;
    if (!(await isFile(filePath))) {
      if (!resolved.spaFallback) return plain(404, 'Not Found');
      filePath = path.join(path.resolve(options.rootDir), 'index.html');
      if (!(await isFile(filePath))) return plain(404, 'Not Found');
    }
    const body = await readFile(filePath);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...baseHeaders, 'Content-Type': mimeTypeOf(filePath), 'Content-Length': String(body.byteLength) },
    });
  };
}

/** Install the handler for the app scheme (after app ready). */
export function handleAppProtocol(
  protocol: { handle(scheme: string, handler: (request: Request) => Promise<Response>): void },
  options: AppProtocolOptions,
): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
