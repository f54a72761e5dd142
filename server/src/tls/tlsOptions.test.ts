import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServerConfig } from '../context/config';
import { startServer } from '../index';
import { ensureDevCertificate, loadTls } from './tlsOptions';

function get(url: string, ca: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('TLS', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterdesk-tls-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // It boots the embedded database from nothing, twice: far slower than a test on the migrated template.
  it('makes a development certificate once and serves HTTPS with HSTS on every response', { timeout: 120_000 }, async () => {
    const config = defaultServerConfig({ port: 0, dataDir: join(dir, 'pglite'), tlsDevCertificate: true });
    const lines: string[] = [];
    const server = await startServer(config, { print: (line) => lines.push(line) });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(lines.join('\n')).toMatch(/new self-signed development certificate/);
      const again = await ensureDevCertificate(join(dir, 'tls'));
      expect(again?.created).toBe(false);
      const ca = again?.files.cert ?? '';
      for (const path of ['/healthz', '/v1/nothing-here']) {
        const response = await get(`${server.url.replace('127.0.0.1', 'localhost')}${path}`, ca);
        expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      }
    } finally {
      await server.close();
    }
  });

  it('says so and stays on HTTP when openssl is missing, and uses given files first', async () => {
    const missing = await loadTls(defaultServerConfig({ tlsDevCertificate: true }), join(dir, 'none'), '/no/such/openssl');
    expect(missing.tls).toBeUndefined();
    expect(missing.note).toMatch(/openssl was not found/);
    const given = await loadTls(defaultServerConfig({ tlsCertFile: join(dir, 'tls', 'dev-cert.pem'), tlsKeyFile: join(dir, 'tls', 'dev-key.pem') }), join(dir, 'other'));
    expect(given.tls?.cert).toContain('BEGIN CERTIFICATE');
    const off = await loadTls(defaultServerConfig(), join(dir, 'other'));
    expect(off.tls).toBeUndefined();
    // Made on the first start even when not served, ready for TLS_DEV_CERT=1.
    expect(off.note).toContain('development certificate for localhost is ready');
    expect(readFileSync(join(dir, 'other', 'dev-cert.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
  });
});
