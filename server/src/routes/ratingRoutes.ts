/**
 * The supervisor's side of the citizens' ratings (docs/decisions/0037-ratings-reach-the-bureau.md):
 * the day's low-rating alerts and their acknowledgement (`rating:read`), and the complaints (陳情)
 * opened from a rating and closed with a resolution (`petition:manage`). Over the units the supervisor
 * oversees; every view of a list that holds ratings or complaints and every change is audited. The
 * alert count behind the workspace's badge carries no case data and is not.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { taipeiDate } from '../../../shared/domain/rocDate';
import { closePetitionRequestSchema, openPetitionRequestSchema, ratingActionNoteSchema, ratingAlertsQuerySchema } from '../../../shared/schemas/visitRating';
import type { Petition, Rating } from '../../../shared/schemas/visitRating';
import type { AppContext } from '../context/appContext';
import { parseOrThrow } from '../domain/domainError';
import { sessionOf } from '../http/sessionOf';
import { oversightOf } from '../reports/oversight';
import { closePetitionOf, openPetition, petitionsFor } from '../reports/petitions';
import { acknowledgeLowRating, lowRatingAlerts } from '../reports/ratingAlerts';
import type { Acting } from '../reports/ratingAlerts';
import { appendAuditNow } from '../store/auditStore';

const idParamsSchema = z.object({ id: z.uuid() });

/** Who acts, on which device, at the server's time. */
function actingOf(request: FastifyRequest, context: AppContext): Acting {
  const session = sessionOf(request);
  return { username: session.username, deviceId: session.deviceId, at: context.now() };
}

export function registerRatingRoutes(app: FastifyInstance, context: AppContext): void {
  registerLowRatingRoutes(app, context);
  registerPetitionRoutes(app, context);
}

/** The day's low ratings over the units the supervisor oversees, and their acknowledgement. */
function registerLowRatingRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const acting = (request: FastifyRequest) => actingOf(request, context);
  const oversightOfRequest = (request: FastifyRequest) => oversightOf(db, sessionOf(request));
  const dayOf = (request: FastifyRequest) => parseOrThrow(ratingAlertsQuerySchema, request.query, 'day').day ?? taipeiDate(context.now());

  app.get('/v1/supervisor/ratings/alerts', { config: { action: 'rating:read' } }, async (request, reply) => {
    const day = dayOf(request);
    const ratings: Rating[] = await lowRatingAlerts(db, await oversightOfRequest(request), day);
    const who = acting(request);
    await appendAuditNow(db, {
      at: who.at,
      userName: who.username,
      deviceId: who.deviceId,
      action: 'rating.alerts-view',
      purpose: 'low rating alerts',
      details: { day, ratings: ratings.length },
    });
    return reply.code(200).send({ day, ratings });
  });

  app.get('/v1/supervisor/ratings/alerts/count', { config: { action: 'rating:read' } }, async (request, reply) => {
    const day = dayOf(request);
    const ratings = await lowRatingAlerts(db, await oversightOfRequest(request), day);
    return reply.code(200).send({ day, unacknowledged: ratings.filter((rating) => rating.acknowledgedAt === null).length });
  });

  app.post('/v1/supervisor/ratings/:id/acknowledge', { config: { action: 'rating:read' } }, async (request, reply) => {
    const { id } = parseOrThrow(idParamsSchema, request.params, 'rating id');
    const { note } = parseOrThrow(ratingActionNoteSchema, request.body ?? {}, 'acknowledgement');
    const rating = await acknowledgeLowRating(db, await oversightOfRequest(request), id, acting(request), note);
    return reply.code(200).send({ rating });
  });

}

/** The complaints (陳情) opened from a rating, and their closing. */
function registerPetitionRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const acting = (request: FastifyRequest) => actingOf(request, context);
  const oversightOfRequest = (request: FastifyRequest) => oversightOf(db, sessionOf(request));

  app.get('/v1/supervisor/petitions', { config: { action: 'petition:manage' } }, async (request, reply) => {
    const who = acting(request);
    const petitions: Petition[] = await petitionsFor(db, await oversightOfRequest(request), who.at);
    await appendAuditNow(db, {
      at: who.at,
      userName: who.username,
      deviceId: who.deviceId,
      action: 'petition.list-view',
      purpose: 'complaints',
      details: { petitions: petitions.length },
    });
    return reply.code(200).send({ petitions });
  });

  app.post('/v1/supervisor/petitions', { config: { action: 'petition:manage' } }, async (request, reply) => {
    const body = parseOrThrow(openPetitionRequestSchema, request.body, 'complaint');
    const petition = await openPetition(db, await oversightOfRequest(request), body, acting(request));
    return reply.code(201).send({ petition });
  });

  app.post('/v1/supervisor/petitions/:id/close', { config: { action: 'petition:manage' } }, async (request, reply) => {
    const { id } = parseOrThrow(idParamsSchema, request.params, 'complaint id');
    const { resolution } = parseOrThrow(closePetitionRequestSchema, request.body, 'resolution');
    const petition = await closePetitionOf(db, await oversightOfRequest(request), id, resolution, acting(request));
    return reply.code(200).send({ petition });
  });
}
