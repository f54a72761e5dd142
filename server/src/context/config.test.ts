import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultCorsOrigins, defaultServerConfig, isAllowedOrigin, readServerConfig } from './config';
import { SERVER_VERSION } from './version';

describe('server configuration', () => {
  it('defaults to PGlite on 127.0.0.1:8787 without demo data', () => {
    const config = readServerConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8787, databaseUrl: undefined, dataDir: '.data/pglite', seedDemo: false });
    expect(config.corsOrigins).toEqual(defaultCorsOrigins);
    expect(config.serviceIds).toContain('LVT-SELF-USE');
  });

  it('reads every variable', () => {
    const config = readServerConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://app@db/counterdesk',
      DATA_DIR: '/var/lib/counterdesk',
      CORS_ORIGINS: 'https://desk.example, app://counterdesk',
      SEED_DEMO: '1',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      databaseUrl: 'postgres://app@db/counterdesk',
      dataDir: '/var/lib/counterdesk',
      corsOrigins: ['https://desk.example', 'app://counterdesk'],
      seedDemo: true,
    });
  });

  it('reads the device policy and the offline sign-in grant', () => {
    const config = readServerConfig({
      AUTO_LOCK_MINUTES: '5',
      CLOSED_CASE_RETENTION_DAYS: '14',
      UPDATE_CHANNEL: 'beta',
      UPDATE_URL: 'https://intranet.keelung.example/counterdesk/updates',
      OFFLINE_GRANT_DAYS: '2',
    });
    expect(config.devicePolicy).toEqual({
      autoLockMinutes: 5,
      closedCaseRetentionDays: 14,
      update: { channel: 'beta', url: 'https://intranet.keelung.example/counterdesk/updates' },
    });
    expect(config.offlineGrantMs).toBe(2 * 24 * 60 * 60 * 1000);
    expect(readServerConfig({}).devicePolicy.update).toBeNull();
    expect(() => readServerConfig({ UPDATE_URL: 'ftp://x' })).toThrow(/UPDATE_URL/);
    expect(() => readServerConfig({ AUTO_LOCK_MINUTES: '0' })).toThrow(/AUTO_LOCK_MINUTES/);
  });

  it('names the variable that is wrong', () => {
    expect(() => readServerConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readServerConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('allows the app origin and local ports by default, nothing else', () => {
    expect(isAllowedOrigin('app://counterdesk', defaultCorsOrigins)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:5173', defaultCorsOrigins)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4173', defaultCorsOrigins)).toBe(true);
    expect(isAllowedOrigin('http://localhost', defaultCorsOrigins)).toBe(true);
    expect(isAllowedOrigin('http://localhost.evil.example:80', defaultCorsOrigins)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:80@evil.example', defaultCorsOrigins)).toBe(false);
    expect(isAllowedOrigin('https://evil.example', defaultCorsOrigins)).toBe(false);
    expect(isAllowedOrigin('null', defaultCorsOrigins)).toBe(false);
  });

  it('reports the version of package.json', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(SERVER_VERSION).toBe(pkg.version);
  });

  it('keeps the audit key and anchors in DATA_DIR/audit unless told where, and none in a configuration built in code', () => {
    expect(readServerConfig({ DATA_DIR: '/srv/counterdesk/db' })).toMatchObject({
      auditKeyFile: join('/srv/counterdesk/db', 'audit', 'audit.key'),
      auditAnchorFile: join('/srv/counterdesk/db', 'audit', 'anchors.jsonl'),
    });
    expect(readServerConfig({ AUDIT_KEY_FILE: '/etc/counterdesk/audit.key', AUDIT_ANCHOR_FILE: '/var/log/counterdesk/anchors.jsonl' })).toMatchObject({
      auditKeyFile: '/etc/counterdesk/audit.key',
      auditAnchorFile: '/var/log/counterdesk/anchors.jsonl',
    });
    expect(defaultServerConfig()).toMatchObject({ auditKeyFile: undefined, auditAnchorFile: undefined });
  });

  it("serves the front office's pages from <repo>/out/renderer unless RENDERER_DIR says where", () => {
    const repoBuild = fileURLToPath(new URL('../../../out/renderer', import.meta.url));
    expect(readServerConfig({}).rendererDir).toBe(repoBuild);
    expect(readServerConfig({ RENDERER_DIR: '' }).rendererDir).toBe(repoBuild);
    expect(defaultServerConfig().rendererDir).toBe(repoBuild);
    expect(readServerConfig({ RENDERER_DIR: '/srv/counterdesk/renderer' }).rendererDir).toBe('/srv/counterdesk/renderer');
  });
});
