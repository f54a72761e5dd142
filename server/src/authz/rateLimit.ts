/**
 * A fixed-window request limit per route and client address, for routes whose route config carries
 * `rateLimit` (the citizen's progress lookups, device enrolment). Counted in this process by the
 * server's clock: behind a load balancer each instance counts its own share, which still bounds a
 * single address. Failed sign-ins are limited separately and globally (auth/signInThrottle.ts).
 *
 * The answer is sent from here rather than thrown, because the public lookups turn every thrown
 * caller error into their one "Case not found" and a limit must stay visible as a 429.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../../../shared/http/errors';

export interface RouteRateLimit {
  max: number;
  windowMs: number;
}

/** The citizen's progress page and its JSON: at most 60 lookups a minute from one address. */
export const publicLookupLimit: RouteRateLimit = { max: 60, windowMs: 60_000 };
/** Guessing one-time enrolment codes: a handful of tries a minute is plenty for a person typing. */
export const enrolmentLimit: RouteRateLimit = { max: 10, windowMs: 60_000 };

interface Window {
  start: number;
  count: number;
}

const MAX_TRACKED = 50_000;

const tooManyPage = `<!doctype html>
<html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>請稍後再試 / Too many requests</title></head>
<body><h1>查詢次數過多，請一分鐘後再試。</h1><p lang="en">Too many lookups: please try again in a minute.</p></body></html>
`;

const rateLimitedBody: ErrorBody = { error: { code: 'rate_limited', message: 'Too many requests: try again in a minute' } };

export function createRateLimiter(now: () => Date) {
  const windows = new Map<string, Window>();

  /** Counts the request; true when it is within the limit. */
  function take(key: string, limit: RouteRateLimit): { allowed: boolean; retryAfterS: number } {
    const t = now().getTime();
    let window = windows.get(key);
    if (!window || t - window.start >= limit.windowMs) {
      if (windows.size >= MAX_TRACKED) {
        for (const [k, w] of windows) if (t - w.start >= limit.windowMs) windows.delete(k);
        // Still full of live windows: forget the oldest rather than grow without bound.
        if (windows.size >= MAX_TRACKED) windows.delete(windows.keys().next().value ?? '');
      }
      window = { start: t, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    return { allowed: window.count <= limit.max, retryAfterS: Math.max(1, Math.ceil((window.start + limit.windowMs - t) / 1000)) };
  }

  /** Sends 429 and returns true when the request is over its route's limit. */
  return function limit(request: FastifyRequest, reply: FastifyReply, routeLimit: RouteRateLimit): boolean {
    const { allowed, retryAfterS } = take(`${request.routeOptions.url ?? ''} ${request.ip}`, routeLimit);
    if (allowed) return false;
    reply.code(429).header('retry-after', String(retryAfterS));
    if (request.url.startsWith('/q/')) {
      void reply.type('text/html; charset=utf-8').send(tooManyPage);
    } else {
      void reply.type('application/json; charset=utf-8').send(rateLimitedBody);
    }
    return true;
  };
}
