/**
 * The public side of the queue: the hall display and the citizen's phone. Numbers and counters only,
 * never a plate, a case or a name.
 *
 *   GET /v1/queue/display          public  the snapshot (displaySnapshotSchema)
 *   GET /v1/queue/display/events   public  SSE: `snapshot`, then a `call` for each call and recall
 *   GET /v1/public/tickets/:id?v=  public  the phone's ticket; 404 for a wrong verifier; rate-limited
 *
 * The events come from `queue_calls`, read by one poller per process (queue/callPoller.ts), so a
 * call made through any server process reaches every display. A display reconnecting with
 * Last-Event-ID is sent the day's calls after it. Streams are capped per process (503 beyond).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { taipeiDate } from '../../../shared/domain/rocDate';
import { ticketVerifierSchema } from '../../../shared/schemas/ticketQueue';
import type { DisplayCall } from '../../../shared/schemas/ticketQueue';
import type { AppContext } from '../context/appContext';
import { publicTicketLimits } from '../authz/rateLimit';
import { openEventStream } from '../http/eventStream';
import type { EventStream } from '../http/eventStream';
import { HttpError } from '../http/httpError';
import { createCallPoller } from '../queue/callPoller';
import { lastCallId, lastCallsOfDay } from '../queue/queueCalls';
import { findPublicTicket } from '../queue/publicTicket';
import { displaySnapshotOf } from '../queue/queueViews';

export interface DisplayStreamOptions {
  /** Streams one process serves at once; beyond, 503 with Retry-After. */
  maxStreams?: number;
  heartbeatMs?: number;
}

const MAX_DISPLAY_STREAMS = 200;
const POLL_INTERVAL_MS = 200;
const HEARTBEAT_MS = 15_000;
const RETRY_MS = 3_000;
/** A display back after a long gap is sent at most this many of the calls it missed (its snapshot has the rest). */
const REPLAY_LIMIT = 100;

const publicTicketParamsSchema = z.object({ id: z.uuid() });
const publicTicketQuerySchema = z.object({ v: ticketVerifierSchema });

function lastEventIdOf(request: FastifyRequest): number | undefined {
  const header = request.headers['last-event-id'];
  return typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
}

/** Sends each call past the stream's cursor once, in order; calls arriving while it catches up wait. */
function callSender(stream: EventStream, cursor: number) {
  let pending: DisplayCall[] | null = [];
  const send = (calls: readonly DisplayCall[]) => {
    for (const call of calls) {
      if (call.seq <= cursor) continue;
      stream.send('call', call, call.seq);
      cursor = call.seq;
    }
  };
  return {
    deliver(calls: readonly DisplayCall[]) {
      if (pending) pending.push(...calls);
      else send(calls);
    },
    caughtUp(replayed: readonly DisplayCall[]) {
      send(replayed);
      const waiting = pending ?? [];
      pending = null;
      send(waiting);
    },
  };
}

export function registerDisplayRoutes(app: FastifyInstance, context: AppContext, options: DisplayStreamOptions = {}): void {
  const maxStreams = options.maxStreams ?? MAX_DISPLAY_STREAMS;
  const poller = createCallPoller(context.db, { intervalMs: POLL_INTERVAL_MS, onError: (error) => app.log.warn({ err: error }, 'queue call poll failed') });
  const streams = new Set<EventStream>();
  // Open streams would hold the server's close forever: end them first, then stop reading.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.close();
  });
  app.addHook('onClose', async () => poller.stop());

  app.get('/v1/queue/display', { config: { action: 'public' } }, async (_request, reply) => {
    return reply.code(200).header('cache-control', 'no-store').send(await displaySnapshotOf(context.db, taipeiDate(context.now())));
  });

  app.get('/v1/queue/display/events', { config: { action: 'public' } }, async (request, reply) => {
    if (streams.size >= maxStreams) {
      reply.header('retry-after', '30');
      throw new HttpError('unavailable', 'Too many displays are connected to this server: try again shortly');
    }
    const day = taipeiDate(context.now());
    const from = lastEventIdOf(request) ?? (await lastCallId(context.db));
    const snapshot = await displaySnapshotOf(context.db, day);
    let stopListening = () => {};
    const stream = openEventStream(reply, {
      retryMs: RETRY_MS,
      heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
      onClose: () => {
        streams.delete(stream);
        stopListening();
      },
    });
    streams.add(stream);
    stream.send('snapshot', snapshot);
    const sender = callSender(stream, from);
    stopListening = poller.listen((calls) => sender.deliver(calls), from);
    if (stream.closed) stopListening();
    try {
      sender.caughtUp(await lastCallsOfDay(context.db, day, from, REPLAY_LIMIT));
    } catch (error) {
      request.log.warn({ err: error }, 'display catch-up failed');
      stream.close();
    }
    return reply;
  });

  app.get('/v1/public/tickets/:id', { config: { action: 'public', rateLimit: publicTicketLimits } }, async (request, reply) => {
    const params = publicTicketParamsSchema.safeParse(request.params);
    const query = publicTicketQuerySchema.safeParse(request.query);
    // Anything out of shape asks for no ticket, down the same path as a wrong verifier.
    const found = params.success && query.success ? await findPublicTicket(context.db, params.data.id, query.data.v, context.now()) : undefined;
    if (!found) throw new HttpError('not_found', 'Ticket not found');
    return reply.code(200).header('x-robots-tag', 'noindex, nofollow').header('cache-control', 'no-store').send(found);
  });
}
