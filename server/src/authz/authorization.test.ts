import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/auth';
import { demoKiosk } from '../db/seedDemo';
import { hashPassword } from '../domain/password';
import { insertUser } from '../store/accountStore';
import { defaultServerConfig } from '../context/config';
import { deviceHeaders, errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';
import { registerAuthorization } from './authorization';
import { actions, can, permissionTable, roles } from './permissions';
import type { Action } from './permissions';

/**
 * The table written out a second time, by hand: a change to permissions.ts must be made here too, on
 * purpose. Columns: clerk, field-staff, officer, supervisor, admin.
 */
const expectedMatrix: Record<Action, [boolean, boolean, boolean, boolean, boolean]> = {
  'session:end': [true, true, true, true, true],
  'sync:push': [true, true, true, true, false],
  'sync:pull': [true, true, true, true, false],
  'case-number:reserve': [true, true, true, true, false],
  'document:upload': [true, true, true, true, false],
  'document:read': [true, true, true, true, false],
  'reference:read': [true, true, true, true, true],
  'case:approve': [false, false, false, true, false],
  'report:read': [false, false, false, true, false],
  'audit:push': [true, true, true, true, true],
  'audit:read': [false, false, false, true, true],
  'audit:verify': [false, false, false, false, true],
  'device:enrol': [false, false, false, false, true],
  'device:read': [false, false, false, false, true],
  'device:revoke': [false, false, false, false, true],
  'user:create': [false, false, false, false, true],
  'user:read': [false, false, false, false, true],
  'user:reset-password': [false, false, false, false, true],
  'reference:publish': [false, false, false, false, true],
  'unit:manage': [false, false, false, false, true],
  'visit:plan': [false, false, false, true, false],
  'visit:read': [false, true, false, true, false],
  'visit:report': [false, true, false, true, false],
  'user:manage': [false, false, false, false, true],
  'server:health': [false, false, false, false, true],
  'case:lookup': [true, true, true, true, false],
  'queue:issue': [true, false, false, true, false],
  'queue:call': [true, false, false, true, false],
  'queue:plan': [false, false, false, true, false],
  'rating:read': [false, false, false, true, false],
  'petition:manage': [false, false, false, true, false],
  'catalogue:edit': [false, false, false, true, false],
};

/**
 * The routes any enrolled device may call with no one signed in, each with the methods it answers;
 * every other guarded route needs a session the table above allows.
 */
const expectedDeviceRoutes = ['GET /v1/calendar', 'GET /v1/catalogue', 'GET /v1/device-policy', 'GET /v1/devices/me', 'HEAD /v1/calendar', 'HEAD /v1/catalogue', 'HEAD /v1/device-policy', 'HEAD /v1/devices/me', 'POST /v1/auth/sign-in'];

const passwordOf: Record<Role, [string, string]> = {
  clerk: ['clerk', 'clerk-demo-2026'],
  'field-staff': ['field', 'field-staff-test-2026'],
  officer: ['officer', 'officer-demo-2026'],
  supervisor: ['supervisor', 'supervisor-demo-2026'],
  admin: ['admin', 'admin-demo-2026'],
};

function concreteUrl(url: string): string {
  return url.replace(/:sha256/g, 'a'.repeat(64)).replace(/:[A-Za-z]+/g, 'x-param').replace(/\*/g, 'x-rest');
}

describe('authorization', () => {
  let server: TestServer;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    server = await startTestServer();
    await insertUser(server.db, { username: 'field', displayName: 'Field', roles: ['field-staff'], passwordHash: await hashPassword('field-staff-test-2026') });
    for (const role of roles) {
      const [username, password] = passwordOf[role];
      tokens.set(role, await server.signIn({ username, password }));
    }
  });
  afterAll(() => server.close());

  it('has the table written above, and nothing else', () => {
    expect(Object.keys(permissionTable).sort()).toEqual([...actions].sort());
    for (const action of actions) {
      expect(
        roles.map((role) => can([role], action)),
        action,
      ).toEqual(expectedMatrix[action]);
    }
  });

  it('lets a device without a user call only the routes listed above', () => {
    const deviceRoutes = server.app.guardedRoutes.filter((route) => route.action === 'device').map((route) => `${route.method} ${route.url}`);
    expect([...new Set(deviceRoutes)].sort()).toEqual(expectedDeviceRoutes);
  });

  it('refuses to register a route that declares no access', async () => {
    const app = Fastify();
    registerAuthorization(app, { db: server.db, config: defaultServerConfig(), now: () => new Date(), serviceIds: new Set() });
    expect(() => app.get('/v1/unguarded', async () => ({ ok: true }))).toThrow(/declares no access/);
    expect(() => app.post('/v1/typo', { config: { action: 'sync:pussh' as Action } }, async () => ({ ok: true }))).toThrow(/declares no access/);
    await app.close();
  });

  it('walks every route against every role: allowed where the table says, 403 forbidden elsewhere', async () => {
    // An event stream never ends, so an injected request to it would never finish: its own test listens for real.
    const routes = server.app.guardedRoutes.filter((route) => route.method !== 'OPTIONS' && route.url !== '/v1/queue/display/events');
    expect(routes.length).toBeGreaterThan(20);
    let checked = 0;
    for (const route of routes) {
      const url = concreteUrl(route.url);
      const method = route.method as 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      const payload = method === 'POST' || method === 'PATCH' || method === 'PUT' ? {} : undefined;
      const where = `${route.method} ${route.url}`;

      // No credential at all.
      const anonymous = await server.app.inject({ method, url, ...(payload ? { payload } : {}) });
      if (route.action === 'public') {
        expect(anonymous.statusCode, where).not.toBe(401);
        expect(anonymous.statusCode, where).not.toBe(403);
        continue;
      }
      expect(anonymous.statusCode, where).toBe(401);

      // The device's credential without a session.
      const deviceOnly = await server.app.inject({ method, url, headers: deviceHeaders(), ...(payload ? { payload } : {}) });
      if (route.action === 'kiosk') {
        // A workstation is not a kiosk; the kiosk's own credential passes.
        expect(deviceOnly.statusCode, where).toBe(403);
        if (method !== 'HEAD') expect(errorOf(deviceOnly).code, where).toBe('forbidden');
        const kiosk = await server.app.inject({ method, url, headers: deviceHeaders(demoKiosk.id), ...(payload ? { payload } : {}) });
        expect(kiosk.statusCode, where).not.toBe(401);
        expect(kiosk.statusCode, where).not.toBe(403);
        continue;
      }
      if (route.action === 'device') {
        expect(deviceOnly.statusCode, where).not.toBe(401);
        expect(deviceOnly.statusCode, where).not.toBe(403);
        continue;
      }
      expect(deviceOnly.statusCode, where).toBe(401);

      const action = route.action;
      for (const role of roles) {
        // Ending a session must not end the one the rest of the walk uses.
        const token = action === 'session:end' ? await server.signIn({ username: passwordOf[role][0], password: passwordOf[role][1] }) : tokens.get(role);
        if (!token) throw new Error(`no session for ${role}`);
        const response = await server.app.inject({ method, url, headers: syncHeaders(token), ...(payload ? { payload } : {}) });
        const allowed = expectedMatrix[action][roles.indexOf(role)];
        if (allowed) {
          expect(response.statusCode, `${role} ${where}`).not.toBe(401);
          if (response.statusCode === 403 && method !== 'HEAD') expect(errorOf(response).code, `${role} ${where}`).not.toBe('forbidden');
        } else {
          expect(response.statusCode, `${role} ${where}`).toBe(403);
          if (method !== 'HEAD') expect(errorOf(response).code, `${role} ${where}`).toBe('forbidden');
        }
        checked += 1;
        // Sign-out everywhere ended the walk's session too.
        if (action === 'session:end') tokens.set(role, await server.signIn({ username: passwordOf[role][0], password: passwordOf[role][1] }));
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('refuses a revoked device on every guarded route, with a live session', async () => {
    const token = tokens.get('clerk') ?? '';
    await server.db.query("UPDATE devices SET revoked_at = now() WHERE id = 'demo-counter-01'");
    try {
      for (const route of server.app.guardedRoutes.filter((r) => r.action !== 'public' && r.method === 'GET')) {
        const response = await server.app.inject({ method: 'GET', url: concreteUrl(route.url), headers: syncHeaders(token) });
        expect(response.statusCode, route.url).toBe(403);
        expect(errorOf(response).code, route.url).toBe('device_revoked');
      }
    } finally {
      await server.db.query("UPDATE devices SET revoked_at = NULL WHERE id = 'demo-counter-01'");
    }
  });
});
