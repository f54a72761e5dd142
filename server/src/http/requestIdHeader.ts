/**
 * Every answer names its request: `x-request-id`, the id the server's log lines of that request carry.
 * A device shows it where the server failed it, so IT finds the request in the log (decision 0032).
 * Ids are random, so two server processes (or one restarted) never hand out the same one.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Fastify's `genReqId`: a random id per request. */
export function newRequestId(): string {
  return randomUUID();
}

export function registerRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
