import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside, serveRenderer } from './rendererServer';

describe('rendererServer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'renderer-'));
  let server: Awaited<ReturnType<typeof serveRenderer>>;
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    server = await serveRenderer({ dir, hostConfig: { serverUrl: 'http://127.0.0.1:8787', deviceId: 'demo-counter-01' } });
  });
  afterAll(() => server.close());

  it('never resolves a path outside its folder', () => {
    expect(resolveInside('/srv/app', '/../../etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(resolveInside('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(resolveInside('/srv/app', '/a%00b')).toBeUndefined();
    expect(resolveInside('/srv/app', '/%E0%A4%A')).toBeUndefined();
  });

  it('serves files with their type and the CSP, and the host configuration', async () => {
    const js = await fetch(new URL('app.js', server.url));
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('content-security-policy')).toContain("connect-src 'self' http://127.0.0.1:8787");
    const config = (await (await fetch(new URL('host-config.json', server.url))).json()) as unknown;
    expect(config).toEqual({ serverUrl: 'http://127.0.0.1:8787', deviceId: 'demo-counter-01' });
    const fallback = await fetch(new URL('some/route', server.url));
    expect(await fallback.text()).toContain('<title>app</title>');
    const post = await fetch(server.url, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
