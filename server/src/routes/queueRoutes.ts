/**
 * The counters' queue (docs/decisions/0036-front-office-queue.md). The counter is the session's
 * device's station; its label and groups are the supervisor's plan of the day.
 *
 *   POST /v1/queue/tickets                  queue:issue  a counter's 免抽號 ticket, a lane car (idempotent on ticketId)
 *   GET  /v1/queue/counter                  queue:call   this counter's panel: current ticket, waiting per group
 *   POST /v1/queue/call-next                queue:call   finish the current ticket, call the next
 *   POST /v1/queue/tickets/:id/recall       queue:call   } only the counter that called the ticket
 *   POST /v1/queue/tickets/:id/no-show      queue:call   }
 *   POST /v1/queue/tickets/:id/finish       queue:call   }
 *   POST /v1/queue/tickets/:id/transfer     queue:call   }
 *   GET  /v1/queue/lane                     queue:call   the lane's cars of the day, with plates
 *   GET  /v1/queue/counters?day=            queue:plan   the day's counters and the stations
 *   PUT  /v1/queue/counters                 queue:plan   set the day's counters at once
 *
 * Every counter action and the plan are audited (queue/); the queue holds no taxpayer identity.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { taipeiDate } from '../../../shared/domain/rocDate';
import {
  callNextRequestSchema,
  counterDayListSchema,
  counterPlanQuerySchema,
  finishTicketRequestSchema,
  issueTicketRequestSchema,
  transferTicketRequestSchema,
} from '../../../shared/schemas/ticketQueue';
import type { CallNextAnswer, IssuedTicket, Ticket } from '../../../shared/schemas/ticketQueue';
import type { AppContext } from '../context/appContext';
import { parseOrThrow } from '../domain/domainError';
import { sessionOf } from '../http/sessionOf';
import { callNext } from '../queue/callNext';
import type { CounterActor } from '../queue/callNext';
import { counterPlanOf, putCounterPlan } from '../queue/counterDays';
import { issueTicket } from '../queue/issueTicket';
import { followUrlOf } from '../queue/followUrl';
import { counterQueueOf, laneCarsOf } from '../queue/queueViews';
import { finishTicket, noShowTicket, recallTicket, transferTicket } from '../queue/ticketActions';

const ticketParamsSchema = z.object({ id: z.uuid() });

export function registerQueueRoutes(app: FastifyInstance, context: AppContext): void {
  registerCounterCalls(app, context);
  registerCounterPlan(app, context);
}

/** The counter's station, person and device, and the server's time, from the session. */
function counterActorOf(request: FastifyRequest, context: AppContext): CounterActor {
  const session = sessionOf(request);
  return { stationCode: session.stationCode, by: session.username, deviceId: session.deviceId, now: context.now() };
}

/** Issuing at the counter, calling, and what happens to the ticket called. */
function registerCounterCalls(app: FastifyInstance, context: AppContext): void {
  const actorOf = (request: FastifyRequest) => counterActorOf(request, context);
  const ticketIdOf = (request: FastifyRequest) => parseOrThrow(ticketParamsSchema, request.params, 'ticket').id;
  const answer = (ticket: Ticket) => ({ ticket });

  app.post('/v1/queue/tickets', { config: { action: 'queue:issue' } }, async (request, reply) => {
    const body = parseOrThrow(issueTicketRequestSchema, request.body, 'ticket');
    const actor = actorOf(request);
    const issued = await issueTicket(context.db, body, { kind: 'counter', deviceId: actor.deviceId, stationCode: actor.stationCode, by: actor.by }, actor.now);
    const response: IssuedTicket = { ticket: issued.ticket, ahead: issued.ahead, followUrl: followUrlOf(context.config, issued.ticket.id, issued.verifier) };
    return reply.code(200).send(response);
  });

  app.get('/v1/queue/counter', { config: { action: 'queue:call' } }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.code(200).send(await counterQueueOf(context.db, taipeiDate(actor.now), actor.stationCode));
  });

  app.post('/v1/queue/call-next', { config: { action: 'queue:call' } }, async (request, reply) => {
    const { group } = parseOrThrow(callNextRequestSchema, request.body ?? {}, 'call');
    const actor = actorOf(request);
    const response: CallNextAnswer = { ticket: await callNext(context.db, { ...actor, day: taipeiDate(actor.now), ...(group ? { group } : {}) }) };
    return reply.code(200).send(response);
  });

  app.post('/v1/queue/tickets/:id/recall', { config: { action: 'queue:call' } }, async (request, reply) => {
    return reply.code(200).send(answer(await recallTicket(context.db, ticketIdOf(request), actorOf(request))));
  });

  app.post('/v1/queue/tickets/:id/no-show', { config: { action: 'queue:call' } }, async (request, reply) => {
    return reply.code(200).send(answer(await noShowTicket(context.db, ticketIdOf(request), actorOf(request))));
  });

  app.post('/v1/queue/tickets/:id/finish', { config: { action: 'queue:call' } }, async (request, reply) => {
    const id = ticketIdOf(request);
    const { caseId } = parseOrThrow(finishTicketRequestSchema, request.body ?? {}, 'finish');
    return reply.code(200).send(answer(await finishTicket(context.db, id, caseId, actorOf(request))));
  });

  app.post('/v1/queue/tickets/:id/transfer', { config: { action: 'queue:call' } }, async (request, reply) => {
    const id = ticketIdOf(request);
    const to = parseOrThrow(transferTicketRequestSchema, request.body, 'transfer');
    return reply.code(200).send(answer(await transferTicket(context.db, id, to, actorOf(request))));
  });

}

/** The lane's cars, and the supervisor's counters of the day. */
function registerCounterPlan(app: FastifyInstance, context: AppContext): void {
  const actorOf = (request: FastifyRequest) => counterActorOf(request, context);

  app.get('/v1/queue/lane', { config: { action: 'queue:call' } }, async (_request, reply) => {
    return reply.code(200).send({ cars: await laneCarsOf(context.db, taipeiDate(context.now())) });
  });

  app.get('/v1/queue/counters', { config: { action: 'queue:plan' } }, async (request, reply) => {
    const { day } = parseOrThrow(counterPlanQuerySchema, request.query, 'counter plan query');
    return reply.code(200).send(await counterPlanOf(context.db, day ?? taipeiDate(context.now())));
  });

  app.put('/v1/queue/counters', { config: { action: 'queue:plan' } }, async (request, reply) => {
    const body = parseOrThrow(counterDayListSchema, request.body, 'counter plan');
    const actor = actorOf(request);
    await context.db.transaction((tx) =>
      putCounterPlan(tx, { day: body.day, today: taipeiDate(actor.now), counters: body.counters, by: actor.by, deviceId: actor.deviceId, now: actor.now }),
    );
    return reply.code(200).send(await counterPlanOf(context.db, body.day));
  });
}
