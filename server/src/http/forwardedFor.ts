/**
 * Who the client is, behind a reverse proxy. Fastify's `trustProxy` (from TRUST_PROXY) makes
 * `request.ip` the address the named proxies report in X-Forwarded-For, so each citizen behind the
 * bureau's nginx has a budget of their own instead of sharing the proxy's. Where TRUST_PROXY names no
 * proxy, the header is simply not believed: `request.ip` is the connecting address.
 *
 * Where TRUST_PROXY names proxies, a request that carries X-Forwarded-For but did not come from one
 * of them is refused with 400: the deployment says clients arrive through the proxy, so this one went
 * around it and is claiming an address of its choice. Refusing it, rather than quietly ignoring the
 * header, also shows an operator at once a proxy missing from the list (its clients would otherwise
 * all share one budget). Without TRUST_PROXY nothing is refused, since a citizen's own network may
 * add the header on the way.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../context/config';
import { HttpError } from './httpError';

const refusal = new HttpError('validation_failed', 'X-Forwarded-For is accepted only from the proxies named in TRUST_PROXY');

/**
 * True when the connecting peer is a trusted proxy. Fastify's `ips` lists the peer, then each address
 * of the header as far as the hops are trusted: more than the peer alone means the peer was trusted.
 */
function cameThroughTrustedProxy(request: FastifyRequest): boolean {
  return (request.ips?.length ?? 1) > 1;
}

export function registerForwardedCheck(app: FastifyInstance, config: Pick<ServerConfig, 'trustProxy'>): void {
  if (config.trustProxy.length === 0) return;
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const forwarded = request.headers['x-forwarded-for'];
    if (forwarded === undefined || String(forwarded).trim() === '' || cameThroughTrustedProxy(request)) return;
    request.log.warn('X-Forwarded-For from a peer not named in TRUST_PROXY: refused');
    return reply.code(refusal.statusCode).type('application/json; charset=utf-8').send(refusal.toBody());
  });
}
