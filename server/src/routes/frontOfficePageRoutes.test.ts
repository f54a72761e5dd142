import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskOfflineFilesSchema } from '../../../shared/schemas/frontOfficePages';
import { startTestServer, type TestServer } from '../testing/testServer';

/**
 * The front office's pages as the server serves them from a build folder: a small build made here with
 * the shape vite's manifest has (the real build is served in test/e2e/kioskPages.spec.ts).
 */
const manifest = {
  'index.html': { file: 'assets/index-D1.js', src: 'index.html', isEntry: true, imports: ['_shared-S1.js'], css: ['assets/index-C1.css'] },
  'kiosk.html': { file: 'assets/kiosk-K1.js', src: 'kiosk.html', isEntry: true, imports: ['_shared-S1.js', '_pages-P1.js'], css: ['assets/kiosk-K1.css'] },
  'display.html': { file: 'assets/display-Y1.js', src: 'display.html', isEntry: true, imports: ['_shared-S1.js'] },
  'ticket.html': { file: 'assets/ticket-T1.js', src: 'ticket.html', isEntry: true, imports: ['_shared-S1.js'] },
  'src/frontOffice/kiosk/serviceWorker.ts': { file: 'kiosk-sw.js', isEntry: true, imports: ['_pages-P1.js'] },
  '_shared-S1.js': { file: 'assets/shared-S1.js' },
  '_pages-P1.js': { file: 'assets/pages-P1.js' },
};

async function writeBuild(dir: string, kioskTitle: string): Promise<void> {
  await mkdir(join(dir, '.vite'), { recursive: true });
  await mkdir(join(dir, 'assets'), { recursive: true });
  await writeFile(join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  for (const page of ['index', 'display', 'ticket']) await writeFile(join(dir, `${page}.html`), `<!doctype html><title>${page}</title>`);
  await writeFile(join(dir, 'kiosk.html'), `<!doctype html><title>${kioskTitle}</title>`);
  for (const file of ['index-D1.js', 'index-C1.css', 'kiosk-K1.js', 'kiosk-K1.css', 'display-Y1.js', 'ticket-T1.js', 'shared-S1.js', 'pages-P1.js', 'kiosk-K1.js.map']) {
    await writeFile(join(dir, 'assets', file), `/* ${file} */`);
  }
  await writeFile(join(dir, 'kiosk-sw.js'), '/* the service worker */');
}

describe('front office pages', () => {
  let dir: string;
  let server: TestServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterdesk-renderer-'));
    await writeBuild(dir, 'kiosk one');
    server = await startTestServer({ rendererDir: dir });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string) => server.app.inject({ method: 'GET', url });

  it('serves the kiosk, the display and the phone page with a policy that allows no inline script', async () => {
    for (const [url, title] of [['/kiosk', 'kiosk one'], ['/display', 'display'], ['/t/6f1c1f2e-3d4b-4c5d-8e9f-0a1b2c3d4e5f?v=abcdefghijklmnop', 'ticket']] as const) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain(`<title>${title}</title>`);
      const policy = String(response.headers['content-security-policy']);
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['x-robots-tag']).toBe('noindex, nofollow');
    }
  });

  it("serves the pages' built files, cached for good, and nothing of the desktop app's nor the source maps", async () => {
    const script = await get('/assets/kiosk-K1.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.body).toBe('/* kiosk-K1.js */');
    expect((await get('/assets/kiosk-K1.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    for (const url of ['/assets/index-D1.js', '/assets/index-C1.css', '/assets/kiosk-K1.js.map', '/assets/..%2F.vite%2Fmanifest.json', '/assets/nothing.js']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('index-D1');
    }
  });

  it("serves the kiosk's service worker and the files it keeps for an offline start", async () => {
    const worker = await get('/kiosk-sw.js');
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(worker.headers['cache-control']).toBe('no-cache');
    const offline = await get('/kiosk/offline-files');
    expect(offline.statusCode).toBe(200);
    expect(kioskOfflineFilesSchema.parse(offline.json()).files).toEqual(['/assets/kiosk-K1.css', '/assets/kiosk-K1.js', '/assets/pages-P1.js', '/assets/shared-S1.js']);
  });

  it('serves a new build without a restart', async () => {
    await writeBuild(dir, 'kiosk two');
    const later = new Date(Date.now() + 5_000);
    await utimes(join(dir, '.vite', 'manifest.json'), later, later);
    expect((await get('/kiosk')).body).toContain('<title>kiosk two</title>');
  });
});

describe('front office pages, not built', () => {
  let dir: string;
  let server: TestServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterdesk-renderer-empty-'));
    server = await startTestServer({ rendererDir: dir });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers each page with a 404 page that says how to build them', async () => {
    for (const url of ['/kiosk', '/display', '/t/6f1c1f2e-3d4b-4c5d-8e9f-0a1b2c3d4e5f?v=abcdefghijklmnop']) {
      const response = await server.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('npm run build:renderer');
      expect(response.body).toContain('RENDERER_DIR');
    }
    expect((await server.app.inject({ method: 'GET', url: '/kiosk-sw.js' })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/kiosk/offline-files' })).statusCode).toBe(404);
  });
});
