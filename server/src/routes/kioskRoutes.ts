/**
 * The entrance ticket kiosk's routes: a device of kind kiosk, no user (route kind `kiosk`; a kiosk is
 * refused everywhere else, see authz/authorization.ts).
 *
 *   POST /v1/kiosk/tickets   issue a ticket, idempotent on ticketId; an offline ticket keeps its number
 *   GET  /v1/kiosk/status    the office day, the kiosk's number, the server's clock, waiting per group
 *
 * A kiosk's ticket holds nothing personal, so issuing one is not audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { taipeiDate } from '../../../shared/domain/rocDate';
import { issueTicketRequestSchema } from '../../../shared/schemas/ticketQueue';
import type { IssuedTicket } from '../../../shared/schemas/ticketQueue';
import type { AppContext } from '../context/appContext';
import { parseOrThrow } from '../domain/domainError';
import { HttpError } from '../http/httpError';
import { followUrlOf } from '../queue/followUrl';
import { issueTicket } from '../queue/issueTicket';
import { kioskStatusOf } from '../queue/queueViews';

/** The kiosk the authorization hook checked; a `kiosk` route always has one. */
function kioskOf(request: FastifyRequest): { id: string; kioskNo: number } {
  const device = request.authDevice;
  if (!device || device.kind !== 'kiosk' || device.kioskNo === null) throw new HttpError('forbidden', 'This route is for the entrance ticket kiosk only');
  return { id: device.id, kioskNo: device.kioskNo };
}

export function registerKioskRoutes(app: FastifyInstance, context: AppContext): void {
  app.post('/v1/kiosk/tickets', { config: { action: 'kiosk' } }, async (request, reply) => {
    const kiosk = kioskOf(request);
    const body = parseOrThrow(issueTicketRequestSchema, request.body, 'ticket');
    const issued = await issueTicket(context.db, body, { kind: 'kiosk', deviceId: kiosk.id, kioskNo: kiosk.kioskNo }, context.now());
    const response: IssuedTicket = { ticket: issued.ticket, ahead: issued.ahead, followUrl: followUrlOf(context.config, issued.ticket.id, issued.verifier) };
    return reply.code(200).send(response);
  });

  app.get('/v1/kiosk/status', { config: { action: 'kiosk' } }, async (request, reply) => {
    const kiosk = kioskOf(request);
    const now = context.now();
    return reply.code(200).send(await kioskStatusOf(context.db, now, taipeiDate(now), kiosk.kioskNo));
  });
}
