import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCaseNo } from '../../shared/domain/caseNumber';
import { healthResponseSchema } from '../../shared/schemas/auth';
import { buildApp } from './app';
import { defaultServerConfig } from './context/config';
import { pushBody } from './testing/caseFixtures';
import { startTestServer, syncHeaders } from './testing/testServer';
import type { TestServer } from './testing/testServer';
import { openTestDatabase } from './testing/testDatabase';

describe('app', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('reports health while the database answers', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(healthResponseSchema.parse(response.json())).toEqual({ ok: true, version: '0.1.0' });
  });

  it('answers CORS preflights for the desktop origin only', async () => {
    const preflight = (origin: string) =>
      server.app.inject({
        method: 'OPTIONS',
        url: '/v1/sync/push',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-counterdesk-protocol' },
      });
    const allowed = await preflight('app://counterdesk');
    expect(allowed.headers['access-control-allow-origin']).toBe('app://counterdesk');
    expect(String(allowed.headers['access-control-allow-headers'])).toContain('x-counterdesk-protocol');
    const denied = await preflight('https://evil.example');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets the renderer send If-None-Match for reference data (a blocked preflight would fail every sync)', async () => {
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: '/v1/catalogue',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match,x-device-id,x-device-secret' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    const allowed = String(preflight.headers['access-control-allow-headers']).split(',').map((header) => header.trim());
    expect(allowed).toEqual(expect.arrayContaining(['if-none-match', 'x-device-id', 'x-device-secret']));
  });

  it('turns an unexpected failure into 500 internal_error without details, and a 503 page for citizens', async () => {
    const caseNo = formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence: 1 });
    await server.db.exec('ALTER TABLE cases RENAME TO cases_moved');
    try {
      const json = await server.app.inject({ method: 'GET', url: `/v1/public/cases/${caseNo}?v=abcdefghijklmnop` });
      expect(json.statusCode).toBe(500);
      expect(json.json()).toEqual({ error: { code: 'internal_error', message: 'The server failed to handle this request' } });
      const page = await server.app.inject({ method: 'GET', url: `/q/${caseNo}?v=abcdefghijklmnop` });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('暫時無法查詢');
    } finally {
      await server.db.exec('ALTER TABLE cases_moved RENAME TO cases');
    }
  });

  it('answers 503 with Retry-After, not 500, when the database has no connection to spare', async () => {
    const token = await server.signIn();
    const query = server.db.query.bind(server.db);
    const caseNo = formatCaseNo({ rocYear: 115, stationCode: 'KL01', sequence: 1 });
    // What pg-pool throws when every connection stays busy past its connect timeout.
    server.db.query = () => Promise.reject(new Error('timeout exceeded when trying to connect'));
    try {
      const push = await server.app.inject({ method: 'POST', url: '/v1/sync/push', headers: syncHeaders(token), payload: pushBody(crypto.randomUUID(), []) });
      expect(push.statusCode).toBe(503);
      expect(push.headers['retry-after']).toBe('2');
      expect(push.json()).toEqual({ error: { code: 'unavailable', message: 'The server is busy: try again in a moment' } });
      const lookup = await server.app.inject({ method: 'GET', url: `/v1/public/cases/${caseNo}?v=abcdefghijklmnop` });
      expect(lookup.statusCode).toBe(503);
      const page = await server.app.inject({ method: 'GET', url: `/q/${caseNo}?v=abcdefghijklmnop` });
      expect(page.statusCode).toBe(503);
    } finally {
      server.db.query = query;
    }
  });

  it('reports 503 when the database is gone', async () => {
    const db = await openTestDatabase();
    const app = await buildApp({ db, config: defaultServerConfig() });
    await db.close();
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    await app.close();
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ ok: false, version: '0.1.0' });
  });
});
