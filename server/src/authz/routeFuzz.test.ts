import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../shared/http/errors';
import type { Role } from '../../../shared/schemas/auth';
import { demoKiosk } from '../db/seedDemo';
import { deviceHeaders, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';
import { can, roles } from './permissions';
import type { RegisteredRoute } from './authorization';

/**
 * Every route's body, fuzzed: random JSON, random bytes as JSON, deep nesting, NUL characters, wrong
 * content types and oversized bodies, each sent with the credentials of a role the route allows, so
 * the input reaches the handler. The server must answer with a typed 4xx (or a success), never a 5xx.
 */
const credentials: Record<Role, [string, string]> = {
  clerk: ['clerk', 'clerk-demo-2026'],
  'field-staff': ['clerk', 'clerk-demo-2026'],
  officer: ['officer', 'officer-demo-2026'],
  supervisor: ['supervisor', 'supervisor-demo-2026'],
  admin: ['admin', 'admin-demo-2026'],
};

function concreteUrl(url: string): string {
  return url.replace(/:sha256/g, 'a'.repeat(64)).replace(/:[A-Za-z]+/g, 'x-param').replace(/\*/g, 'x-rest');
}

/** An event stream never ends, so an injected request to it would never finish: its own test listens for real. */
const isEventStream = (route: RegisteredRoute) => route.url === '/v1/queue/display/events';

/** tus answers in its own protocol (plain-text bodies), and HTML pages are not JSON (the front office's say when they are not built). */
const htmlPages = ['/kiosk', '/display', '/t/:id'];
const speaksJsonErrors = (route: RegisteredRoute) => !route.url.startsWith('/v1/documents/uploads') && !route.url.startsWith('/q/') && !htmlPages.includes(route.url);

const nasty = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom('username', 'password', 'deviceId', 'code', 'name', 'entries', 'stationCode', 'reason', 'roles', 'displayName', 'protocolVersion', 'clientId', 'mutations', '__proto__', 'constructor', 'sha256'), fc.jsonValue()),
  fc.constant({ entries: [{ id: '00000000-0000-4000-8000-000000000000', at: '2026-03-02T09:00:00+08:00', username: 'a\u0000b', action: 'viewed' }] }),
  fc.constant({ username: 'clerk\u0000', password: 'x', deviceId: 'demo-counter-01' }),
  fc.constant({ code: '\u0000'.repeat(10), name: 'x' }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
);

describe('every route, fuzzed', () => {
  let server: TestServer;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function tokenFor(role: Role, fresh: boolean): Promise<string> {
    const [username, password] = credentials[role];
    const cached = tokens.get(username);
    if (cached && !fresh) return cached;
    const token = await server.signIn({ username, password });
    tokens.set(username, token);
    return token;
  }

  async function headersFor(route: RegisteredRoute): Promise<Record<string, string>> {
    if (route.action === 'public') return {};
    if (route.action === 'device') return deviceHeaders();
    if (route.action === 'kiosk') return deviceHeaders(demoKiosk.id);
    const action = route.action;
    const role = roles.find((candidate) => candidate !== 'field-staff' && can([candidate], action));
    if (!role) throw new Error(`no role may ${route.action}`);
    return syncHeaders(await tokenFor(role, action === 'session:end'));
  }

  function expectTyped(route: RegisteredRoute, response: { statusCode: number; body: string; json(): unknown }, input: string): void {
    const where = `${route.method} ${route.url} with ${input.slice(0, 200)}`;
    expect(response.statusCode, where).toBeLessThan(500);
    if (response.statusCode >= 400 && speaksJsonErrors(route)) expect(errorBodySchema.safeParse(response.json()).success, where).toBe(true);
  }

  it('answers random and malformed bodies with typed 4xx, never 5xx', async () => {
    const routes = server.app.guardedRoutes.filter((route) => route.method === 'POST' || route.method === 'PATCH' || route.method === 'PUT');
    expect(routes.length).toBeGreaterThan(8);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(nasty, async (body) => {
          const payload = JSON.stringify(body) ?? 'null';
          const response = await server.app.inject({
            method: route.method as 'POST' | 'PATCH' | 'PUT',
            url: concreteUrl(route.url),
            headers: { ...(await headersFor(route)), 'content-type': 'application/json' },
            payload,
          });
          expectTyped(route, response, payload);
        }),
        { numRuns: route.action === 'session:end' ? 5 : 40, seed: 20260302 },
      );
    }
  });

  it('answers broken JSON, wrong content types, deep nesting and oversized bodies with typed 4xx', async () => {
    const routes = server.app.guardedRoutes.filter((route) => route.method === 'POST' || route.method === 'PATCH' || route.method === 'PUT');
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const bodies: Array<[string, string]> = [
      ['{"unterminated": ', 'application/json'],
      ['', 'application/json'],
      [deep, 'application/json'],
      ['username=clerk', 'application/x-www-form-urlencoded'],
      ['<xml/>', 'text/xml'],
      [JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 1) }), 'application/json'],
      [JSON.stringify({ entries: Array.from({ length: 5000 }, () => ({ id: 'x' })) }), 'application/json'],
    ];
    for (const route of routes) {
      for (const [payload, contentType] of bodies) {
        const response = await server.app.inject({
          method: route.method as 'POST' | 'PATCH' | 'PUT',
          url: concreteUrl(route.url),
          headers: { ...(await headersFor(route)), 'content-type': contentType },
          payload,
        });
        expectTyped(route, response, `${contentType} ${payload}`);
      }
    }
  });

  it('answers malformed path parameters and queries on every GET route with typed 4xx', async () => {
    const routes = server.app.guardedRoutes.filter((route) => route.method === 'GET' && !isEventStream(route));
    for (const route of routes) {
      const urls = [
        concreteUrl(route.url).replace('x-param', '%E0%A4%A'),
        concreteUrl(route.url).replace('x-param', 'x'.repeat(5000)),
        `${concreteUrl(route.url)}?cursor=-1&limit=1e309&v=%00`,
        concreteUrl(route.url).replace('x-param', '%00'),
      ];
      for (const url of urls) {
        const response = await server.app.inject({ method: 'GET', url, headers: await headersFor(route) });
        expectTyped(route, response, url);
      }
    }
  });
});
