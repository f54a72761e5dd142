/**
 * Every answer names its request (REQUEST_ID_HEADER), with the id the server's log lines of that
 * request carry, so IT finds a request a device reports in the log (decision 0032). Ids are random, so two server processes (or one restarted) never hand out the same one.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { REQUEST_ID_HEADER } from '../../../shared/http/requestId';

/** Fastify's `genReqId`: a random id per request. */
export function newRequestId(): string {
  return randomUUID();
}

export function registerRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
