/**
 * When the server keeps failing the outbox's next push (decision 0032). The outbox is gap-free, so
 * nothing after a push the server cannot answer can go either; resending it forever would only load
 * the server. One row in `meta` remembers the trouble across runs and restarts:
 *
 * - the first failure of a push puts the outbox in careful mode: later runs send one mutation at a
 *   time, so what goes through goes through and the failing mutation ends up at the head, alone;
 * - after PUSH_FAILURES_BEFORE_ATTENTION failures of that one mutation, it "needs attention": the
 *   device stops sending the outbox (uploads and the pull go on) and shows the clerk which case, what
 *   the server said and its request id, with a button to try again;
 * - any answer for that mutation (applied, or refused with a reason) clears the row.
 *
 * Nothing is dropped: the mutation and those after it stay in the outbox until the server takes them.
 */
import { z } from 'zod';
import { getDb, type CounterDeskDb } from './database';

export const PUSH_TROUBLE_KEY = 'pushTrouble';
export const PUSH_FAILURES_BEFORE_ATTENTION = 5;

export const pushTroubleSchema = z.object({
  /** The first mutation of the failing push: the one the trouble is about once it is sent alone. */
  mutationId: z.number().int().positive(),
  caseId: z.string().max(64),
  /** Consecutive failed pushes that began with this mutation. */
  failures: z.number().int().nonnegative(),
  needsAttention: z.boolean(),
  /** What the server answered last: HTTP status, error code and message, and the request id for IT. */
  status: z.number().int(),
  code: z.string().max(64),
  message: z.string().max(1000),
  requestId: z.string().max(100).optional(),
  at: z.string().max(40),
});
export type PushTrouble = z.infer<typeof pushTroubleSchema>;

export interface PushFailure {
  status: number;
  code: string;
  message: string;
  requestId?: string;
}

export async function readPushTrouble(db: CounterDeskDb = getDb()): Promise<PushTrouble | undefined> {
  const parsed = pushTroubleSchema.safeParse((await db.meta.get(PUSH_TROUBLE_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function clearPushTrouble(db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.delete(PUSH_TROUBLE_KEY);
}

/**
 * Counts a failed push that began with `head`; it needs attention once it failed often enough sent
 * alone (`alone`: the push held only it, so the failure is its own).
 */
export async function recordPushFailure(
  head: { id: number; caseId: string },
  failure: PushFailure,
  alone: boolean,
  now: Date,
  db: CounterDeskDb = getDb(),
): Promise<PushTrouble> {
  return db.transaction('rw', db.meta, async () => {
    const before = await readPushTrouble(db);
    const failures = before?.mutationId === head.id ? before.failures + 1 : 1;
    const trouble: PushTrouble = pushTroubleSchema.parse({
      mutationId: head.id,
      caseId: head.caseId,
      failures,
      needsAttention: alone && failures >= PUSH_FAILURES_BEFORE_ATTENTION,
      status: failure.status,
      code: failure.code.slice(0, 64),
      message: failure.message.slice(0, 1000),
      ...(failure.requestId ? { requestId: failure.requestId.slice(0, 100) } : {}),
      at: now.toISOString(),
    });
    await db.meta.put({ key: PUSH_TROUBLE_KEY, value: trouble });
    return trouble;
  });
}

/** The clerk's "try again": the mutation is sent once more; one more failure marks it again. */
export async function retryTroubledPush(db: CounterDeskDb = getDb()): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const trouble = await readPushTrouble(db);
    if (!trouble) return;
    await db.meta.put({ key: PUSH_TROUBLE_KEY, value: { ...trouble, needsAttention: false, failures: PUSH_FAILURES_BEFORE_ATTENTION - 1 } });
  });
}
