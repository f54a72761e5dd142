import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { z } from 'zod';
import { caseStatusSchema, type CaseRecord, type CaseStatus } from '../../../shared/schemas/case';

/**
 * The desk's index field on a stored case, `deskQueue`: which desk list holds the case —
 * `unit:<code>` while it is open and no officer holds it (the unit's unassigned cases), `officer:<username>`
 * while it is open and that officer holds it — and nothing once it is off the desk (not routed by the
 * server yet, closed or withdrawn), so it is in no desk index at all.
 *
 * Why a field of its own rather than indexes on `desk.unit` and `desk.assignee`: "no assignee" cannot be
 * asked of an index (a missing value is simply not indexed), and neither can "open" without one range
 * per status; with one queue per case, each list and each filter of it is one key range already sorted
 * by due date. The field is set by a DBCore middleware on every write of a case, so no store has to
 * remember it and it cannot disagree with the case's desk; the app above never reads it (records are
 * parsed with localCaseSchema, which drops it).
 */

/** The statuses a case is on a desk in: from receipt until it is handed over (closed) or withdrawn. */
export const DESK_STATUSES = ['received', 'awaiting-documents', 'in-review', 'pending-approval', 'approved', 'rejected'] as const satisfies readonly CaseStatus[];
export type DeskStatus = (typeof DESK_STATUSES)[number];

export const unitQueue = (unit: string): string => `unit:${unit}`;
export const officerQueue = (username: string): string => `officer:${username}`;

export function isDeskStatus(status: CaseStatus): status is DeskStatus {
  return (DESK_STATUSES as readonly CaseStatus[]).includes(status);
}

/** The desk list a case belongs to, or undefined when it is on none. */
export function deskQueueOf(record: { status: CaseStatus; desk?: Pick<NonNullable<CaseRecord['desk']>, 'unit' | 'assignee'> | undefined }): string | undefined {
  if (!record.desk || !isDeskStatus(record.status)) return undefined;
  return record.desk.assignee ? officerQueue(record.desk.assignee) : unitQueue(record.desk.unit);
}

/** What the queue is computed from, read off the value about to be stored (written by this app, but still checked). */
const queueInputSchema = z.object({
  status: caseStatusSchema,
  desk: z.object({ unit: z.string().min(1), assignee: z.string().min(1).optional() }).optional(),
});

function withDeskQueue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const parsed = queueInputSchema.safeParse(value);
  const queue = parsed.success ? deskQueueOf(parsed.data) : undefined;
  const { deskQueue: current, ...rest } = value as Record<string, unknown>;
  if (current === queue) return value;
  // A copy: the caller's own object is left as it was.
  return queue === undefined ? rest : { ...rest, deskQueue: queue };
}

function deskIndexedTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req: DBCoreMutateRequest) {
      if (req.type === 'add' || req.type === 'put') return table.mutate({ ...req, values: req.values.map(withDeskQueue) });
      return table.mutate(req);
    },
  };
}

/**
 * The middleware for `db.use`. Its level puts it above the encryption at rest (level -10), which
 * therefore sees the field and keeps it in the clear for its index (encryptionMiddleware.ts), and below
 * Dexie's own middlewares.
 */
export function deskIndexMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'DeskQueueIndex',
    level: -5,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return name === 'cases' ? deskIndexedTable(table) : table;
        },
      };
    },
  };
}
