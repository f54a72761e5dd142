/**
 * Authorization on every route, from the one table in permissions.ts.
 *
 * Invariants:
 * - A route that does not declare `config.action` cannot be registered: the onRoute hook throws, so
 *   the app fails to build instead of serving an unguarded route. CORS preflights (OPTIONS) are the
 *   only implicit exception; they carry no data.
 * - Before the body is read, a guarded request must present a valid device credential and, unless
 *   the route is `device`-only, a live session made on that same device, whose roles the table
 *   allows the route's action. Otherwise: 401 `unauthorized`, 403 `device_unknown`,
 *   403 `device_revoked` or 403 `forbidden`.
 * - The checked session and device are left on the request for the handler (`authSession`,
 *   `authDevice`); handlers never trust a user or device named in the body.
 * - A `kiosk` route takes the credential of a device of kind kiosk and no user; a kiosk's credential is
 *   refused (403 `forbidden`) by every other guarded route, so a kiosk at the entrance can never sign
 *   in, sync or read a document (it holds no case data), and a workstation cannot act as a kiosk.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { AppContext } from '../context/appContext';
import { authenticateDevice } from '../auth/deviceCredential';
import type { AuthenticatedDevice } from '../auth/deviceCredential';
import { authenticateDeviceAndSession } from '../auth/requestIdentity';
import { breaksRoleSeparation } from '../../../shared/domain/roleSeparation';
import { DomainError } from '../domain/domainError';
import { can, isRouteAction } from './permissions';
import type { RouteAction } from './permissions';
import { createRateLimiter } from './rateLimit';
import type { RouteRateLimit } from './rateLimit';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: `public`, `device` (credential only), `kiosk` (a kiosk's credential) or an action of the permission table. */
    action?: RouteAction;
    /** One limit, or several each counted on its own (per address and per ticket). */
    rateLimit?: RouteRateLimit | readonly RouteRateLimit[];
    /** `public-view`: a successful answer is an audited view of a case by a citizen. */
    audit?: 'public-view';
  }
  interface FastifyRequest {
    authDevice: AuthenticatedDevice | null;
  }
  interface FastifyInstance {
    /** Every route registered, with the access it declared: what the authorization test walks. */
    guardedRoutes: RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  action: RouteAction;
}

function methodsOf(method: HTTPMethods | HTTPMethods[]): string[] {
  return (Array.isArray(method) ? method : [method]).map((m) => m.toUpperCase());
}

function refuseWrongKind(device: AuthenticatedDevice, needed: AuthenticatedDevice['kind']): void {
  if (device.kind === needed) return;
  throw new DomainError(
    'forbidden',
    needed === 'kiosk' ? 'This route is for the entrance ticket kiosk only' : 'A ticket kiosk holds no case data: it may only issue tickets (/v1/kiosk/…)',
  );
}

export function registerAuthorization(app: FastifyInstance, context: AppContext): void {
  const routes: RegisteredRoute[] = [];
  app.decorate('guardedRoutes', routes);
  app.decorateRequest('authSession', null);
  app.decorateRequest('authDevice', null);
  const rateLimit = createRateLimiter(context);

  async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const config = request.routeOptions.config;
    const limits: readonly RouteRateLimit[] = config.rateLimit === undefined ? [] : 'max' in config.rateLimit ? [config.rateLimit] : config.rateLimit;
    for (const limit of limits) if (await rateLimit(request, reply, limit)) return;
    const action = config.action ?? (request.method === 'OPTIONS' ? 'public' : undefined);
    if (action === 'public') return;
    if (action === undefined) throw new DomainError('forbidden', 'This route declares no access');
    if (action === 'device' || action === 'kiosk') {
      const device = await authenticateDevice(context.db, request);
      refuseWrongKind(device, action === 'kiosk' ? 'kiosk' : 'workstation');
      request.authDevice = device;
      return;
    }
    const { device, session } = await authenticateDeviceAndSession(context.db, request, context.now());
    refuseWrongKind(device, 'workstation');
    request.authDevice = device;
    if (session.deviceId !== device.id) throw new DomainError('unauthorized', 'This session was made on another device: sign in on this one');
    // An account left holding admin with a case role (from before the rule, or written into the database) does nothing until fixed.
    if (breaksRoleSeparation(session.roles)) throw new DomainError('role_separation', 'This account holds the administrator role together with a case role: an administrator must change its roles first');
    if (!can(session.roles, action)) throw new DomainError('forbidden', `Your role may not do this (${action})`);
    request.authSession = session;
  }

  app.addHook('onRoute', (route) => {
    const methods = methodsOf(route.method);
    const declared = route.config?.action;
    const preflight = methods.every((method) => method === 'OPTIONS');
    if (!isRouteAction(declared) && !preflight) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url} declares no access: add config: { action } with 'public', 'device', 'kiosk' or an action from server/src/authz/permissions.ts`,
      );
    }
    for (const method of methods) routes.push({ method, url: route.url, action: isRouteAction(declared) ? declared : 'public' });
    const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [guard, ...existing];
  });
}
