/**
 * Security headers on every response, errors and 404s included. The API only ever returns JSON, so
 * its policy allows nothing at all; the HTML pages set their own, slightly wider, policy first and
 * this leaves it alone. Over TLS (or behind a proxy Fastify trusts to say so) HSTS tells browsers to
 * come back over HTTPS only; over plain HTTP it would be ignored, so it is not sent.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const fixedHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** Idempotent; also called directly for the router's own errors, which skip the onSend hooks. */
export function applySecurityHeaders(reply: FastifyReply): void {
  for (const [name, value] of Object.entries(fixedHeaders)) reply.header(name, value);
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', apiContentSecurityPolicy);
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  if (reply.request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    applySecurityHeaders(reply);
    return payload;
  });
}
