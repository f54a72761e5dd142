/**
 * The front office's ticket queue on the wire (docs/decisions/0036-front-office-queue.md): the kiosk
 * issues tickets, counters call them, the hall display and the citizen's phone follow them. The queue
 * lives on the central server; none of it holds a citizen's identity (a car's plate is the lane's only
 * mark, and it is never shown on a public page).
 */
import { z } from 'zod';
import { priorityReasonSchema, queueGroupCodeSchema, ticketNumberSchema } from '../domain/queueGroups';
import { isoDateSchema, isoDateTimeSchema, line, uuidSchema } from './primitives';

export const ticketSourceSchema = z.enum(['kiosk', 'counter', 'lane']);
/** waiting → called (at a counter, being served) → done | no-show; a transfer puts it back to waiting. */
export const ticketStatusSchema = z.enum(['waiting', 'called', 'done', 'no-show']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

/** The random secret in the ticket's QR: the phone page answers only with it (like a case's verifier). */
export const ticketVerifierSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
/** A car's plate as the lane clerk types it (ABC-1234, 1234-AB …): letters, digits and one or two dashes. */
export const plateSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{1,4}-?[A-Z0-9]{1,4}(-[A-Z0-9]{1,4})?$/, 'a plate is letters and digits with dashes, as on the car');

/** POST /v1/queue/tickets — issue (kiosk, counter's 免抽號, lane's car). Idempotent on ticketId. */
export const issueTicketRequestSchema = z.object({
  /** Made by the issuer, so that a retry (or an offline ticket sent later) is recognised. */
  ticketId: uuidSchema,
  verifier: ticketVerifierSchema,
  group: queueGroupCodeSchema,
  priority: priorityReasonSchema.optional(),
  /** The lane's car. */
  plate: plateSchema.optional(),
  /** A counter's 免抽號 ticket: called at once at the issuing counter, so the citizen never waits for a number. */
  serveNow: z.boolean().optional(),
  /** Set only for a ticket a kiosk printed while the server was unreachable (its own series). */
  offline: z.object({ number: ticketNumberSchema, issuedAt: isoDateTimeSchema }).optional(),
});
export type IssueTicketRequest = z.infer<typeof issueTicketRequestSchema>;

export const ticketSchema = z.object({
  id: uuidSchema,
  officeDay: isoDateSchema,
  number: ticketNumberSchema,
  group: queueGroupCodeSchema,
  priority: priorityReasonSchema.nullable(),
  source: ticketSourceSchema,
  status: ticketStatusSchema,
  issuedAt: isoDateTimeSchema,
  calledAt: isoDateTimeSchema.nullable(),
  finishedAt: isoDateTimeSchema.nullable(),
  /** The counter that called it (its label, 「3號櫃台」), while called or after. */
  counter: z.string().nullable(),
  recalls: z.number().int().nonnegative(),
  /** The lane's car; only staff see it. */
  plate: z.string().nullable(),
  caseId: uuidSchema.nullable(),
});
export type Ticket = z.infer<typeof ticketSchema>;

/** The answer to an issue: the ticket and what the kiosk prints. */
export const issuedTicketSchema = z.object({
  ticket: ticketSchema,
  /** Tickets before this one in its group (priority counted), at issue. */
  ahead: z.number().int().nonnegative(),
  /** The phone page's address, for the printed QR code. */
  followUrl: z.string(),
});
export type IssuedTicket = z.infer<typeof issuedTicketSchema>;

/** A counter's day: its label and the groups it calls (set by the supervisor; 愛心櫃台 takes priority first). */
export const counterDaySchema = z.object({
  stationCode: line(8).min(1),
  label: line(20).trim().min(1),
  groups: z.array(queueGroupCodeSchema).min(1).max(5),
});
export type CounterDay = z.infer<typeof counterDaySchema>;
/** PUT /v1/queue/counters?day= — the supervisor sets every counter of the day at once. */
export const counterDayListSchema = z.object({ day: isoDateSchema, counters: z.array(counterDaySchema).max(100) });

/** Counter actions: POST /v1/queue/call-next, /v1/queue/tickets/:id/{recall,no-show,finish,transfer}. */
export const transferTicketRequestSchema = z
  .object({ group: queueGroupCodeSchema.optional(), stationCode: line(8).min(1).optional() })
  .refine((t) => (t.group === undefined) !== (t.stationCode === undefined), 'transfer to a group or to a counter, one of the two');
export const finishTicketRequestSchema = z.object({ caseId: uuidSchema.optional() });

/** GET /v1/queue/counter — what the counter's queue panel shows. */
export const counterQueueSchema = z.object({
  day: isoDateSchema,
  counter: counterDaySchema.nullable(),
  /** The ticket this counter is serving now. */
  current: ticketSchema.nullable(),
  waiting: z.array(z.object({ group: queueGroupCodeSchema, count: z.number().int().nonnegative(), priority: z.number().int().nonnegative() })),
});
export type CounterQueue = z.infer<typeof counterQueueSchema>;

/** One call on the hall display (no plate, no case: numbers and counters only). */
export const displayCallSchema = z.object({
  seq: z.number().int().positive(),
  number: ticketNumberSchema,
  group: queueGroupCodeSchema,
  counter: z.string(),
  at: isoDateTimeSchema,
  recall: z.boolean(),
  priority: z.boolean(),
});
export type DisplayCall = z.infer<typeof displayCallSchema>;
/** SSE GET /v1/queue/display/events: first a snapshot, then each call as it happens. */
export const displaySnapshotSchema = z.object({
  /** Per counter, the number it serves now. */
  serving: z.array(z.object({ counter: z.string(), number: ticketNumberSchema, group: queueGroupCodeSchema })),
  /** The last calls, newest first. */
  lastCalls: z.array(displayCallSchema).max(20),
  waiting: z.array(z.object({ group: queueGroupCodeSchema, count: z.number().int().nonnegative() })),
});
export type DisplaySnapshot = z.infer<typeof displaySnapshotSchema>;

/** GET /v1/public/tickets/:id?v= — the phone page's facts; nothing personal. */
export const publicTicketSchema = z.object({
  number: ticketNumberSchema,
  group: queueGroupCodeSchema,
  status: ticketStatusSchema,
  /** Tickets to be called before this one; 0 while it is next. */
  ahead: z.number().int().nonnegative(),
  /** Minutes, from the group's recent service times and the counters serving it; null before any. */
  estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
  counter: z.string().nullable(),
  issuedAt: isoDateTimeSchema,
});
export type PublicTicket = z.infer<typeof publicTicketSchema>;

/** What a case keeps of the ticket it was taken in from (shown on the case; reports read the ticket row). */
export const caseTicketSchema = z.object({
  ticketId: uuidSchema,
  number: ticketNumberSchema,
  issuedAt: isoDateTimeSchema,
  calledAt: isoDateTimeSchema,
});
export type CaseTicket = z.infer<typeof caseTicketSchema>;

/** POST /v1/queue/call-next: the counter's groups of the day, or only `group` (the lane passes L). */
export const callNextRequestSchema = z.object({ group: queueGroupCodeSchema.optional() });
/** The answer of call-next (null: nobody is waiting) and of each counter action on a ticket. */
export const callNextAnswerSchema = z.object({ ticket: ticketSchema.nullable() });
export const ticketAnswerSchema = z.object({ ticket: ticketSchema });

/** GET /v1/queue/lane: the lane's cars of the day, waiting and being served, with their plates (staff only). */
export const laneCarsSchema = z.object({ cars: z.array(ticketSchema) });

/** GET /v1/queue/counters?day=: the supervisor's plan of the day and the counters that can take one. */
export const counterPlanSchema = z.object({
  day: isoDateSchema,
  counters: z.array(counterDaySchema),
  /** Enrolled, unrevoked workstations: the stations a counter's day can name. */
  stations: z.array(z.object({ stationCode: z.string(), name: z.string() })),
});
export type CounterPlan = z.infer<typeof counterPlanSchema>;
export const counterPlanQuerySchema = z.object({ day: isoDateSchema.optional() });

/** GET /v1/kiosk/status: what the kiosk shows beside its buttons, and its clock's check. */
export const kioskStatusSchema = z.object({
  officeDay: isoDateSchema,
  kioskNo: z.number().int().min(1).max(9),
  serverTime: isoDateTimeSchema,
  groups: z.array(z.object({ group: queueGroupCodeSchema, waiting: z.number().int().nonnegative() })),
});
export type KioskStatus = z.infer<typeof kioskStatusSchema>;
export type CallNextAnswer = z.infer<typeof callNextAnswerSchema>;
