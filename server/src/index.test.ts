import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditKeyFile } from './audit/auditKeyFile';
import { readAnchorFile } from './audit/auditAnchor';
import { defaultServerConfig } from './context/config';
import { defaultNotificationConfig } from './context/notificationConfig';
import { startServer } from './index';
import { createTestSchema, testDatabaseUrl } from './testing/testDatabase';
import { deviceHeaders } from './testing/testServer';

describe('startServer', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'counterdesk-server-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  // It boots the embedded database from nothing, twice: far slower than a test on the migrated template.
  it('listens, prints its facts, keeps data across restarts and seeds idempotently', { timeout: 120_000 }, async () => {
    // Always PGlite here: this is the embedded default, whatever TEST_DATABASE_URL says.
    const auditDir = join(dataDir, 'audit');
    const notifications = defaultNotificationConfig();
    const config = defaultServerConfig({
      port: 0,
      dataDir,
      seedDemo: true,
      databaseUrl: undefined,
      auditKeyFile: join(auditDir, 'audit.key'),
      auditAnchorFile: join(auditDir, 'anchors.jsonl'),
      // The jobs anchor the audit chain at start and at shutdown.
      notifications: { ...notifications, jobs: { ...notifications.jobs, enabled: true } },
    });
    const lines: string[] = [];
    const first = await startServer(config, { print: (line) => lines.push(line) });
    try {
      expect(lines).toContainEqual(expect.stringMatching(/^Audit key: made .*audit\.key \(key id [0-9a-f]{16}\)/));
      expect(lines[0]).toBe(`CounterDesk server listening on ${first.url}`);
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines).toContain(`Database: PGlite (embedded) with data in ${dataDir}`);
      expect(lines).toContain('Demo sign-in: clerk / clerk-demo-2026 (roles: clerk)');
      expect(lines.some((line) => line.startsWith('Demo device: demo-counter-01'))).toBe(true);

      const health = await fetch(`${first.url}/healthz`);
      expect(health.status).toBe(200);
      const signIn = await fetch(`${first.url}/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...deviceHeaders() },
        body: JSON.stringify({ username: 'clerk', password: 'clerk-demo-2026', deviceId: 'demo-counter-01' }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      await first.close();
    }
    const { key } = await loadAuditKeyFile(join(auditDir, 'audit.key'));
    const anchors = await readAnchorFile(join(auditDir, 'anchors.jsonl'), key);
    expect(anchors.ok && anchors.anchors.length > 0).toBe(true);

    const secondLines: string[] = [];
    const second = await startServer({ ...config, seedDemo: false }, { print: (line) => secondLines.push(line) });
    expect(secondLines).toContain(`Audit key: ${join(auditDir, 'audit.key')} (key id ${key.id})`);
    try {
      const signIn = await fetch(`${second.url}/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...deviceHeaders() },
        body: JSON.stringify({ username: 'clerk', password: 'clerk-demo-2026', deviceId: 'demo-counter-01' }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      await second.close();
    }
    const third = await startServer(config, { print: () => undefined });
    await third.close();
    await expect(fetch(`${third.url}/healthz`)).rejects.toThrow();
  });

  it('uses the PostgreSQL of DATABASE_URL when given one', async () => {
    if (!testDatabaseUrl) {
      expect(defaultServerConfig().databaseUrl).toBeUndefined();
      return;
    }
    const { connectionString, drop } = await createTestSchema();
    try {
      const lines: string[] = [];
      const server = await startServer(defaultServerConfig({ port: 0, databaseUrl: connectionString, seedDemo: true }), {
        print: (line) => lines.push(line),
      });
      try {
        const signIn = await fetch(`${server.url}/v1/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...deviceHeaders() },
          body: JSON.stringify({ username: 'clerk', password: 'clerk-demo-2026', deviceId: 'demo-counter-01' }),
        });
        expect(signIn.status).toBe(200);
      } finally {
        await server.close();
      }
      expect(lines[1]).toMatch(/^Database: PostgreSQL postgres:\/\//);
    } finally {
      await drop();
    }
  });
});
