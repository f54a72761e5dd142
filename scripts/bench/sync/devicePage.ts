/**
 * The device page of the upload bench (scripts/bench/syncDevice): built with the app's own code and
 * served to a Chromium started as a plain process, which reports back over plain HTTP.
 */
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { extname, join } from 'node:path';
import { resolveInside } from '../../rendererServer';
import { printSelfProfile, type SelfProfileTrace } from '../support/cpuProfile';
import type { DeviceBenchInput, DeviceBenchResult } from '../syncDevice/main';

/** Builds the device page with the app's own code, production mode (unminified: readable profiles). */
export async function buildDevicePage(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: false, root: join(import.meta.dirname, '../syncDevice'), base: './', logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'chrome120', minify: false } });
}

function readBody(request: IncomingMessage, then: (body: string) => void): void {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += String(chunk)));
  request.on('end', () => then(body));
}

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };

/**
 * The device page's server: the built page in `dir`, its input (`input.json`), and `POST /result`,
 * where the page reports its timings (`/profile` its CPU profile, `/mark` the start of a phase). No
 * CSP, which would refuse the raw server.
 */
export async function serveDevicePage(dir: string, input: DeviceBenchInput, onMark: (phase: string) => void): Promise<{ url: string; result: Promise<DeviceBenchResult>; close: () => void }> {
  let report: (result: DeviceBenchResult) => void = () => undefined;
  const result = new Promise<DeviceBenchResult>((resolve) => {
    report = resolve;
  });
  const server = createHttpServer((request, response) => {
    if (request.method === 'POST' && request.url === '/result') {
      return readBody(request, (body) => {
        response.writeHead(204).end();
        report(JSON.parse(body) as DeviceBenchResult);
      });
    }
    if (request.method === 'POST' && request.url === '/profile') {
      return readBody(request, (body) => {
        response.writeHead(204).end();
        printSelfProfile(JSON.parse(body) as SelfProfileTrace, 'the device page during the sync');
      });
    }
    if (request.method === 'POST' && request.url?.startsWith('/mark?')) {
      onMark(request.url.slice('/mark?'.length));
      return void response.writeHead(204).end();
    }
    if (request.url === '/') response.setHeader('document-policy', 'js-profiling');
    if (request.url === '/input.json') return void response.writeHead(200, { 'content-type': types['.json'] }).end(JSON.stringify(input));
    const path = resolveInside(dir, request.url === '/' ? '/index.html' : (request.url ?? '/'));
    readFile(path ?? dir)
      .then((body) => response.writeHead(200, { 'content-type': types[extname(path ?? '')] ?? 'application/octet-stream' }).end(body))
      .catch(() => response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the device page server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, result, close: () => void server.close() };
}
