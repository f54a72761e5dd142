/**
 * POST /v1/case-numbers/reserve: an install of a signed-in counter device asks for blocks of its
 * station's case numbers and learns how far the server has seen it use them (decision 0016). Like the
 * sync routes it needs the current protocol version in the header.
 */
import type { FastifyInstance } from 'fastify';
import { CASE_NUMBERS_PATH, caseNumberRequestSchema } from '../../../shared/sync/caseNumberReservation';
import type { AppContext } from '../context/appContext';
import { authenticate } from '../auth/sessions';
import { parseOrThrow } from '../domain/domainError';
import { requireProtocol } from '../http/requireProtocol';
import { reserveCaseNumbers } from '../sync/reserveCaseNumbers';

export function registerCaseNumberRoutes(app: FastifyInstance, context: AppContext): void {
  app.post(CASE_NUMBERS_PATH, { config: { action: 'case-number:reserve' } }, async (request, reply) => {
    const now = context.now();
    const session = await authenticate(context.db, request, now);
    requireProtocol(request);
    const body = parseOrThrow(caseNumberRequestSchema, request.body, 'case number request');
    return reply.code(200).send(await reserveCaseNumbers(context.db, body, session, now));
  });
}
