import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar, officeCalendarDataSchema } from '../../../shared/domain/calendar';
import { catalogueSchema, defaultCatalogue } from '../../../shared/domain/catalogue';
import { runAdmin } from '../cli/runAdmin';
import { deviceHeaders, startTestServer } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';
import { versionEtag } from './referenceRoutes';

describe('reference data routes', () => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    server = await startTestServer();
    dir = await mkdtemp(join(tmpdir(), 'counterdesk-reference-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function publish(kind: 'catalogue' | 'calendar', data: unknown): Promise<void> {
    const file = join(dir, `${kind}-${Date.now()}.json`);
    await writeFile(file, JSON.stringify(data));
    const errors: string[] = [];
    const code = await runAdmin(['publish', kind, file], { db: server.db, print: () => undefined, printError: (line) => errors.push(line), now: server.clock.now, actor: 'cli:test' });
    expect(code, errors.join('\n')).toBe(0);
    server.clock.advance(60_000);
  }

  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers: { ...deviceHeaders(), ...headers } });

  it('serves the built-in defaults while nothing is published, with the version as ETag', async () => {
    const catalogue = await get('/v1/catalogue');
    expect(catalogue.statusCode).toBe(200);
    expect(catalogueSchema.parse(catalogue.json())).toEqual(defaultCatalogue);
    expect(catalogue.headers.etag).toBe(`"${defaultCatalogue.version}"`);

    const calendar = await get('/v1/calendar');
    expect(calendar.statusCode).toBe(200);
    expect(officeCalendarDataSchema.parse(calendar.json()).version).toBe(defaultCalendar.version);
    expect(calendar.headers.etag).toBe(versionEtag(defaultCalendar.version));
  });

  it('needs the device credential', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/v1/catalogue' });
    expect(response.statusCode).toBe(401);
  });

  it('serves a catalogue published with the admin command, and 304 to a device that holds it', async () => {
    // Versions the built-in catalogue can never carry, whatever it is at.
    const newer = {
      ...defaultCatalogue,
      version: 'test-2099.1',
      publishedAt: '2026-03-01T00:00:00+08:00',
      services: defaultCatalogue.services.map((s, i) => (i === 0 ? { ...s, nameZh: `${s.nameZh}（修訂）` } : s)),
    };
    await publish('catalogue', newer);

    const response = await get('/v1/catalogue');
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"test-2099.1"');
    const served = catalogueSchema.parse(response.json());
    expect(served.version).toBe('test-2099.1');
    expect(served.services[0]?.nameZh).toMatch(/（修訂）$/);

    const unchanged = await get('/v1/catalogue', { 'if-none-match': '"test-2099.1"' });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect((await get('/v1/catalogue', { 'if-none-match': 'W/"test-2099.1"' })).statusCode).toBe(304);
    // A device holding the built-in version gets the new one.
    expect((await get('/v1/catalogue', { 'if-none-match': versionEtag(defaultCatalogue.version) })).statusCode).toBe(200);

    // The most recently published version wins.
    await publish('catalogue', { ...newer, version: 'test-2099.2', publishedAt: '2026-03-02T00:00:00+08:00' });
    expect((await get('/v1/catalogue', { 'if-none-match': '"test-2099.1"' })).headers.etag).toBe('"test-2099.2"');
  });

  it('serves a published calendar, and 304 for its version', async () => {
    const data = { ...defaultCalendar.toData(), version: '2024-2027.2' };
    await publish('calendar', data);
    const response = await get('/v1/calendar');
    expect(response.statusCode).toBe(200);
    expect(officeCalendarDataSchema.parse(response.json())).toEqual(data);
    expect((await get('/v1/calendar', { 'if-none-match': versionEtag('2024-2027.2') })).statusCode).toBe(304);
  });
});
