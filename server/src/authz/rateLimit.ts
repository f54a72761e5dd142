/**
 * A fixed-window request limit per route and client address, for routes whose route config carries
 * `rateLimit` (the citizen's progress lookups, device enrolment). Counted in the database
 * (rateLimitWindows.ts), so N server processes behind one load balancer share one budget per client
 * rather than granting N times the limit. Windows are aligned to the epoch (a 60 s window starts on
 * the minute) by the server's clock, so every process puts a request in the same window whatever
 * its start time. The client address is `request.ip`: behind a proxy named in TRUST_PROXY it is the
 * citizen's, not the proxy's (http/forwardedFor.ts). Failed sign-ins are limited separately
 * (auth/signInThrottle.ts).
 *
 * The answer is sent from here rather than thrown, because the public lookups turn every thrown
 * caller error into their one "Case not found" and a limit must stay visible as a 429. A request
 * answered here never reaches its handler: Fastify stops at a sent reply.
 */
import { isIPv6 } from 'node:net';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../../../shared/http/errors';
import type { AppContext } from '../context/appContext';
import { countHit } from './rateLimitWindows';

export interface RouteRateLimit {
  max: number;
  windowMs: number;
  /**
   * What the budget is counted against besides the route: the client's address by default; a route
   * may count per thing asked for too (a ticket), so many addresses cannot poll one thing without end.
   */
  per?: (request: FastifyRequest) => string;
}

/** The citizen's progress page and its JSON: at most 60 lookups a minute from one address. */
export const publicLookupLimit: RouteRateLimit = { max: 60, windowMs: 60_000 };
/**
 * The online lookup of another counter's case: a clerk asks for a citizen in front of them, a few a
 * minute at most; a device walking through ID numbers stops here, on top of its audit trail.
 */
export const caseLookupLimit: RouteRateLimit = { max: 20, windowMs: 60_000 };
/**
 * The citizen's ticket on their phone (JSON, polled by the phone page): per address as the progress
 * page, and per ticket, so a family on the hall's Wi-Fi behind one address still shares the first
 * budget while nobody can poll one ticket from many addresses without end.
 */
export const publicTicketLimits: readonly RouteRateLimit[] = [
  publicLookupLimit,
  // Only a well-formed id names a ticket; anything else shares one budget (and never reaches the key's column as NUL).
  { max: 30, windowMs: 60_000, per: (request) => `ticket ${z.object({ id: z.uuid() }).safeParse(request.params).data?.id ?? 'malformed'}` },
];
/** Guessing one-time enrolment codes: a handful of tries a minute is plenty for a person typing. */
export const enrolmentLimit: RouteRateLimit = { max: 10, windowMs: 60_000 };

const tooManyPage = `<!doctype html>
<html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>請稍後再試 / Too many requests</title></head>
<body><h1>查詢次數過多，請一分鐘後再試。</h1><p lang="en">Too many lookups: please try again in a minute.</p></body></html>
`;

const rateLimitedBody: ErrorBody = { error: { code: 'rate_limited', message: 'Too many requests: try again in a minute' } };

/** The first four groups of a full IPv6 address (its /64), or undefined for a form this does not expand. */
function ipv6Network(address: string): string | undefined {
  const [head = '', tail, ...more] = address.split('::');
  if (more.length > 0 || address.includes('.')) return undefined;
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  if (groups.length !== 8) return undefined;
  return `${groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/64`;
}

/**
 * Who a request is counted against. An IPv6 subscriber is handed a whole /64 and can pick any address
 * in it, so one is counted by the /64; an IPv4-mapped address counts as the IPv4 address it is.
 */
export function clientOf(ip: string): string {
  const address = ip.split('%')[0] ?? ip;
  if (address.toLowerCase().startsWith('::ffff:') && address.includes('.')) return address.slice(7);
  if (!isIPv6(address)) return address;
  return ipv6Network(address.toLowerCase()) ?? address.toLowerCase();
}

function sendLimited(request: FastifyRequest, reply: FastifyReply, retryAfterS: number): void {
  reply.code(429).header('retry-after', String(retryAfterS));
  if (request.url.startsWith('/q/')) {
    void reply.type('text/html; charset=utf-8').send(tooManyPage);
  } else {
    void reply.type('application/json; charset=utf-8').send(rateLimitedBody);
  }
}

export function createRateLimiter(context: Pick<AppContext, 'db' | 'now'>) {
  /** Counts the request; sends 429 and returns true when it is over its route's limit. */
  return async function limit(request: FastifyRequest, reply: FastifyReply, routeLimit: RouteRateLimit): Promise<boolean> {
    const t = context.now().getTime();
    const start = t - (t % routeLimit.windowMs);
    const key = `${request.routeOptions.url ?? ''} ${routeLimit.per ? routeLimit.per(request) : clientOf(request.ip)}`;
    const hits = await countHit(context.db, key, new Date(start), new Date(start + routeLimit.windowMs));
    if (hits <= routeLimit.max) return false;
    sendLimited(request, reply, Math.max(1, Math.ceil((start + routeLimit.windowMs - t) / 1000)));
    return true;
  };
}
