import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { HostConfig } from '../shared/ipc/contract';
import { contentSecurityPolicy } from '../shared/security/contentSecurityPolicy';

export { contentSecurityPolicy };

/**
 * Serves the built renderer to a plain browser: the fallback host where Electron cannot run, and the
 * host the end-to-end tests drive. It serves files from one folder only, plus `host-config.json`
 * (what Electron's main process would otherwise answer over IPC), with the same CSP as the app.
 */

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};


/** Resolves a URL path inside `root`, or undefined when it would leave it. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const target = resolve(root, '.' + normalize('/' + decoded));
  return target === root || target.startsWith(root + sep) ? target : undefined;
}

export interface RendererServerOptions {
  dir: string;
  host?: string;
  port?: number;
  hostConfig: HostConfig;
}

export async function serveRenderer(options: RendererServerOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(options.dir);
  const csp = contentSecurityPolicy(options.hostConfig.serverUrl);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const headers = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer', 'cache-control': 'no-cache' };
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, headers).end();
        return;
      }
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      if (path === '/host-config.json') {
        response.writeHead(200, { ...headers, 'content-type': mimeTypes['.json'] }).end(JSON.stringify(options.hostConfig));
        return;
      }
      let file = resolveInside(root, path === '/' ? '/index.html' : path);
      if (!file) {
        response.writeHead(404, headers).end();
        return;
      }
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) file = join(root, 'index.html');
      const body = await readFile(file).catch(() => undefined);
      if (!body) {
        response.writeHead(404, headers).end();
        return;
      }
      response.writeHead(200, { ...headers, 'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream' }).end(request.method === 'HEAD' ? undefined : body);
    })();
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('renderer server has no address');
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
