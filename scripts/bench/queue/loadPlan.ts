/**
 * What the queue bench's load (queue/loadWorker.ts, in a worker thread) is told to do, and what it
 * answers: both cross the thread boundary as structured clones, so both are checked with zod.
 */
import { z } from 'zod';
import { queueGroupCodeSchema, ticketNumberSchema } from '../../../shared/domain/queueGroups';

const headersSchema = z.record(z.string(), z.string());

/** How a counter paces itself and how the kiosks issue; the same for the server run and the raw one. */
export const loadShapeSchema = z.object({
  /** Tickets of the day: the kiosks stop issuing, and the counters calling, at this many. */
  tickets: z.number().int().positive(),
  /** A counter's think time after a call, drawn uniformly from [min, max] ms, before finish or no-show. */
  thinkMs: z.tuple([z.number().nonnegative(), z.number().nonnegative()]),
  /** The share of calls the counter gives up on (no-show) rather than finishing. */
  noShowShare: z.number().min(0).max(1),
  /** The share of the kiosks' tickets issued with a priority reason. */
  priorityShare: z.number().min(0).max(1),
  /**
   * A counter that found nobody waiting asks again after this long, as a clerk's panel would look
   * again; asking at once would make idle counters the server's main load whenever they outpace the kiosks.
   */
  emptyRetryMs: z.number().nonnegative(),
  /** The kiosks pause while this many issued tickets are not yet called (the hall is full). */
  hallCapacity: z.number().int().positive(),
});
export type LoadShape = z.infer<typeof loadShapeSchema>;

export const loadPlanSchema = loadShapeSchema.extend({
  url: z.string(),
  /** Each counter's headers: its workstation's credential and its clerk's bearer token. */
  counters: z.array(headersSchema).min(1),
  /** Each kiosk's device credential. */
  kiosks: z.array(headersSchema).min(1),
});
export type LoadPlan = z.infer<typeof loadPlanSchema>;

const ticketFactSchema = z.object({ id: z.uuid(), number: ticketNumberSchema, group: queueGroupCodeSchema });
export type TicketFact = z.infer<typeof ticketFactSchema>;

export const loadResultSchema = z.object({
  /** From the first issue to the last ticket finished. */
  seconds: z.number().positive(),
  /** call-next request → answer, ms, for the answers that called a ticket. */
  callLatencies: z.array(z.number()),
  /** call-next answered with nobody waiting (the counters were ahead of the kiosks). */
  emptyCalls: z.number().int().nonnegative(),
  /** Kiosk issue request → answer, ms. */
  issueLatencies: z.array(z.number()),
  /** Finish or no-show request → answer, ms. */
  finishLatencies: z.array(z.number()),
  /** call-next answered → the display's `call` event for that ticket received, ms. */
  displayLags: z.array(z.number()),
  /** Every ticket the kiosks were given, in answer order. */
  issued: z.array(ticketFactSchema),
  /** Every ticket a call-next answered with, in answer order. */
  called: z.array(ticketFactSchema),
  /** The numbers of the display's `call` events (recalls aside), in arrival order. */
  displayed: z.array(ticketNumberSchema),
  /** The most tickets an issue answer said were ahead in their group. */
  maxAhead: z.number().int().nonnegative(),
});
export type LoadResult = z.infer<typeof loadResultSchema>;
