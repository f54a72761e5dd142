import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeOf, registerAppScheme, resolveAppPath, type CustomSchemeLike } from './appProtocol';

const csp = "default-src 'self'; connect-src 'self' http://127.0.0.1:8787";

let base: string;
let root: string;

beforeAll(async () => {
  // root = <base>/out/renderer; a secret sits beside it, where a traversal would land.
  base = await mkdtemp(path.join(tmpdir(), 'counterdesk-protocol-'));
  root = path.join(base, 'out', 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>櫃台通</title>');
  await writeFile(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'index-abc123.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(path.join(root, 'assets', 'font.woff2'), 'wOF2');
  await writeFile(path.join(root, 'assets', 'blob.xyz'), 'x');
  await writeFile(path.join(base, 'out', 'secret.txt'), 'taxpayer data');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and fetchable', () => {
    const registered: CustomSchemeLike[][] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(schemes) });
    expect(registered).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
  });
});

describe('resolveAppPath', () => {
  it('maps app URLs to files below the root', () => {
    expect(resolveAppPath(root, 'app://counterdesk/index.html')).toEqual({ kind: 'file', filePath: path.join(root, 'index.html'), spaFallback: false });
    expect(resolveAppPath(root, 'app://counterdesk/')).toEqual({ kind: 'file', filePath: path.join(root, 'index.html'), spaFallback: false });
    expect(resolveAppPath(root, 'app://counterdesk/assets/index-abc123.js?v=1#x')).toEqual({
      kind: 'file',
      filePath: path.join(root, 'assets', 'index-abc123.js'),
      spaFallback: false,
    });
    expect(resolveAppPath(root, 'app://counterdesk/cases/1130001')).toMatchObject({ kind: 'file', spaFallback: true });
    expect(resolveAppPath(root, 'app://counterdesk/%E6%94%B6%E5%9F%B7%E8%81%AF.html')).toMatchObject({
      kind: 'file',
      filePath: path.join(root, '收執聯.html'),
    });
  });

  const traversals = [
    'app://counterdesk/../../etc/passwd',
    'app://counterdesk/../secret.txt',
    'app://counterdesk/assets/../../secret.txt',
    'app://counterdesk/%2e%2e/%2e%2e/etc/passwd',
    'app://counterdesk/%2E%2E/secret.txt',
    'app://counterdesk/.%2e/secret.txt',
    'app://counterdesk/..%2f..%2fetc%2fpasswd',
    'app://counterdesk/..%5c..%5csecret.txt',
    'app://counterdesk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://counterdesk/./index.html',
    'app://counterdesk/C:%5cWindows%5cwin.ini',
    'app://counterdesk/index.html%00.js',
  ];
  for (const url of traversals) {
    it(`refuses ${url}`, () => {
      expect(resolveAppPath(root, url)).toMatchObject({ kind: 'refused', status: 403 });
    });
  }

  it('refuses other hosts, other schemes and broken encodings', () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveAppPath(root, 'file:///etc/passwd')).toMatchObject({ kind: 'refused', status: 400 });
    expect(resolveAppPath(root, 'app://counterdesk/%E0%A4%A.js')).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('treats a double-encoded dot segment as a plain (missing) name, not as ..', () => {
    const resolved = resolveAppPath(root, 'app://counterdesk/%252e%252e/secret.txt');
    expect(resolved).toEqual({ kind: 'file', filePath: path.join(root, '%2e%2e', 'secret.txt'), spaFallback: false });
  });
});

describe('mimeTypeOf', () => {
  it('names the types the renderer build produces and never guesses the rest', () => {
    expect(mimeTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('a/index-abc.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('a.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeOf('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('a.png')).toBe('image/png');
    expect(mimeTypeOf('a.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('a.wasm')).toBe('application/wasm');
    expect(mimeTypeOf('a.xyz')).toBe('application/octet-stream');
    expect(mimeTypeOf('Makefile')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler({ rootDir: root, csp });
  const get = (url: string, method = 'GET') => handler()(new Request(url, { method }));

  it('serves files with their type, the CSP and nosniff', async () => {
    const response = await get('app://counterdesk/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
    expect((await get('app://counterdesk/assets/index-abc123.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('app://counterdesk/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await get('app://counterdesk/assets/blob.xyz')).headers.get('content-type')).toBe('application/octet-stream');
  });

  it('serves index.html for the root and for client-side routes', async () => {
    for (const url of ['app://counterdesk/', 'app://counterdesk/index.html', 'app://counterdesk/cases/1130001', 'app://counterdesk/intake']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe('text/html; charset=utf-8');
      expect(await response.text(), url).toContain('櫃台通');
    }
  });

  it('answers 404 for a missing asset instead of HTML', async () => {
    const response = await get('app://counterdesk/assets/missing-123.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(csp);
  });

  it('never serves a file outside the root, whatever the encoding', async () => {
    for (const url of [
      'app://counterdesk/../secret.txt',
      'app://counterdesk/%2e%2e/secret.txt',
      'app://counterdesk/..%2fsecret.txt',
      'app://counterdesk/assets/..%2f..%2fsecret.txt',
      'app://counterdesk/..%5csecret.txt',
    ]) {
      const response = await get(url);
      expect(await response.text(), url).not.toContain('taxpayer data');
      expect([403, 404], url).toContain(response.status);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://counterdesk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://counterdesk/index.html', 'POST')).status).toBe(405);
  });

  it('answers 404 when the renderer has not been built', async () => {
    const empty = createAppProtocolHandler({ rootDir: path.join(base, 'nothing-here'), csp });
    expect((await empty(new Request('app://counterdesk/cases/1'))).status).toBe(404);
  });
});
