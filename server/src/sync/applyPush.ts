/**
 * Applies one push (a batch of a client's outbox mutations) in ONE database transaction.
 *
 * Invariants:
 * - The client's `sync_clients` row is locked (SELECT … FOR UPDATE) for the whole transaction, so two
 *   pushes of the same client never interleave; pushes of different clients run side by side.
 * - A clientId belongs to the device that first used it; another device using it is refused.
 * - Exactly once, in id order: ids ≤ last are answered `duplicate` (or, when they were rejected, with
 *   that recorded rejection) and not touched again; last+1 is
 *   applied; anything beyond is a gap. On a gap the whole request is refused with 409 `mutation_gap`
 *   and NOTHING of the batch is applied — not even the mutations before the gap. The gap is found
 *   before anything is written, so the client simply resends from last+1 (the `lastMutationId` it
 *   learns from any later push) and no half-applied batch can exist.
 * - A mutation that can never succeed (malformed arguments, unknown name, a rule it breaks) is
 *   `rejected` with a code and a message, recorded, and consumed like an applied one, so it never
 *   blocks those after it. The envelope only checks what routing needs (ids); each mutation's own
 *   shape is checked here, one by one, so that one bad mutation cannot wedge a whole outbox behind a
 *   400.
 * - Results, `last_mutation_id` and the data changes commit together; the audit entries and the
 *   changed cases' change numbers come last, just before COMMIT (store/auditStore.ts,
 *   store/changeSequence.ts): those two rows are the only ones every push locks.
 * - No deadlocks between pushes: locks are taken in one order — the client's row, then every existing
 *   case the batch may change in ascending id order, then the audit head, then the change sequence.
 * - The statements of a push of intakes do not grow with the batch: a run of createCase and
 *   attachDocument mutations is one INSERT for its cases and three statements for its documents
 *   (intakeRun.ts), the history and the citizen's messages one INSERT each
 *   (notifications/recordCaseEvent.ts), the results and the client's last id one statement, the audit
 *   entries and change numbers a few.
 * - A temporary failure (the database unreachable, a statement timeout) throws: the transaction rolls
 *   back as a whole, the client gets a 5xx and resends the same batch later.
 * - A value the database refuses although it passed the checks (SQLSTATE 22, 23, 54) never fails the
 *   push: the push is applied again one mutation at a time and that mutation alone is answered
 *   `cannot_apply` (applyAlone.ts, decision 0032).
 */
import { mutationSchema } from '../../../shared/sync/protocol';
import type { Mutation, MutationResult, PushResponse } from '../../../shared/sync/protocol';
import { isoDateTimeSchema } from '../../../shared/schemas/primitives';
import type { Database, Queryable } from '../db/database';
import { unnestRows } from '../db/unnestRows';
import type { UnnestTypes } from '../db/unnestRows';
import { DomainError, issuesOf } from '../domain/domainError';
import { lockCases } from '../store/caseStore';
import { stampChanges } from '../store/changeSequence';
import { applyAttachDocument } from './attachDocument';
import { applyCreateCase } from './createCase';
import { applyAlone, dataErrorCode } from './applyAlone';
import { applyIntakeRun, intakeRunAt } from './intakeRun';
import { recordCaseEvents } from '../notifications/recordCaseEvent';
import type { CaseEventToRecord } from '../notifications/recordCaseEvent';
import { appendAudits } from '../store/auditStore';
import type { AppliedEffects, MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';
import type { EnvelopeMutation, ParsedMutation } from './pushEnvelope';
import type { PushEnvelope } from './pushEnvelope';
import { applySetField } from './setField';
import { applyCaseAction, applyTransition } from './caseAction';
import { applyRecordRating } from './recordRating';

const knownNames = new Set<string>(['createCase', 'setField', 'transition', 'attachDocument', 'caseAction', 'recordRating'] satisfies Mutation['name'][]);

async function dispatch(tx: Queryable, mutation: Mutation, context: MutationContext): Promise<MutationOutcome> {
  switch (mutation.name) {
    case 'createCase':
      return applyCreateCase(tx, mutation.args.case, context);
    case 'setField':
      return applySetField(tx, mutation.args, context);
    case 'transition':
      return applyTransition(tx, mutation.args, context);
    case 'attachDocument':
      return applyAttachDocument(tx, mutation.args, context);
    case 'caseAction':
      return applyCaseAction(tx, mutation.args, context);
    case 'recordRating':
      return applyRecordRating(tx, mutation.args, context);
    default:
      return mutation satisfies never;
  }
}

/** A `mutations` row as recorded, with each column's element type for `unnest`. */
interface MutationInsert extends Record<string, unknown> {
  id: number;
  name: string;
  status: string;
  code: string | null;
  message: string | null;
  created_at: string | null;
}

const mutationInsertTypes: UnnestTypes<MutationInsert> = { id: 'bigint', name: 'text', status: 'text', code: 'text', message: 'text', created_at: 'timestamptz' };

/**
 * Each mutation's shape, checked once up front: an unknown name and an invalid mutation become their
 * rejection; the valid ones are handed, parsed, to the intake run and to dispatch.
 */
function parseMutation(raw: EnvelopeMutation): ParsedMutation {
  if (typeof raw.name !== 'string' || !knownNames.has(raw.name)) {
    const shown = typeof raw.name === 'string' ? JSON.stringify(raw.name.slice(0, 64)) : 'without a name';
    return { raw, rejection: rejected('unknown_mutation', `Unknown mutation ${shown}`) };
  }
  const parsed = mutationSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = issuesOf(parsed.error)
      .slice(0, 5)
      .map((issue) => `${issue.path}: ${issue.message}`)
      .join('; ');
    return { raw, rejection: rejected('invalid_mutation', `${raw.name} ${raw.id} is not valid: ${detail}`) };
  }
  return { raw, mutation: parsed.data };
}

/**
 * The ids of the existing cases a batch may change: a rejected mutation changes none. createCase is left out: it never writes a stored case (a second intake of an id is a no-op or a
 * conflict), and its own new row is invisible to others until COMMIT, so a batch of intakes locks
 * nothing here. recordRating only reads its case (a rating is a row of its own), so it locks none either.
 */
function caseIdsOf(mutations: readonly ParsedMutation[]): string[] {
  return mutations.flatMap(({ mutation }) => (mutation && mutation.name !== 'createCase' && mutation.name !== 'recordRating' ? [mutation.args.caseId] : []));
}

/** Locks the client's row, creating it bound to this device on first contact. */
async function lockClient(tx: Queryable, clientId: string, context: MutationContext): Promise<number> {
  const select = () =>
    tx.query<{ device_id: string; last_mutation_id: number }>(
      'SELECT device_id, last_mutation_id FROM sync_clients WHERE client_id = $1 FOR UPDATE',
      [clientId],
    );
  let { rows } = await select();
  if (rows.length === 0) {
    // Two first pushes of one client may race here: ON CONFLICT makes the loser wait for the winner,
    // and the SELECT after it then locks the winner's row.
    await tx.query(
      `INSERT INTO sync_clients (client_id, device_id, last_mutation_id, created_at, updated_at)
       VALUES ($1, $2, 0, $3, $3) ON CONFLICT (client_id) DO NOTHING`,
      [clientId, context.session.deviceId, context.now],
    );
    ({ rows } = await select());
  }
  const row = rows[0];
  if (!row) throw new Error(`sync_clients row for ${clientId} vanished inside its transaction`);
  if (row.device_id !== context.session.deviceId) {
    throw new DomainError('forbidden', 'This clientId belongs to another device');
  }
  return row.last_mutation_id;
}

/** Every mutation after the last applied one, as long as the ids run on; throws `mutation_gap` at a gap. */
function checkNoGap(envelope: PushEnvelope, lastBefore: number): void {
  let expected = lastBefore + 1;
  for (const mutation of envelope.mutations) {
    if (mutation.id < expected) continue;
    if (mutation.id > expected) {
      throw new DomainError(
        'mutation_gap',
        `Mutation ${mutation.id} arrived but the server expects ${expected} next (last applied: ${lastBefore}); resend from ${lastBefore + 1}`,
        { resendFrom: lastBefore + 1 },
      );
    }
    expected += 1;
  }
}

/**
 * A replay is never applied again. One that was rejected is answered with its recorded rejection, so a
 * device whose first answer was lost still learns why (and shows it to the clerk).
 */
async function recordedRejections(tx: Queryable, envelope: PushEnvelope, lastBefore: number): Promise<Map<number, { code: string; message: string }>> {
  const replayed = envelope.mutations.filter((mutation) => mutation.id <= lastBefore).map((mutation) => mutation.id);
  const rejections = new Map<number, { code: string; message: string }>();
  if (replayed.length === 0) return rejections;
  const { rows } = await tx.query<{ mutation_id: number; code: string; message: string | null }>(
    `SELECT mutation_id, code, message FROM mutations WHERE client_id = $1 AND mutation_id = ANY($2::bigint[]) AND status = 'rejected'`,
    [envelope.clientId, replayed],
  );
  for (const row of rows) rejections.set(row.mutation_id, { code: row.code, message: row.message ?? row.code });
  return rejections;
}

/** A rejection's message as stored and sent: one line, control characters shown as U+FFFD, at most 1,000 characters. */
function storableMessage(message: string): string {
  return message.replace(/[\p{Cc}\p{Cs}]/gu, '\uFFFD').slice(0, 1000);
}

/**
 * Applies a push (see the header). The fast way first; when the database refuses a value on the way,
 * the same push once more with each mutation in its own savepoint, so that one is refused alone
 * (applyAlone.ts). Connection and timeout errors, gaps and foreign clients throw as before.
 */
export async function applyPush(db: Database, envelope: PushEnvelope, context: MutationContext): Promise<PushResponse> {
  try {
    return await db.transaction((tx) => applyPushIn(tx, envelope, context, 'batched'));
  } catch (error) {
    if (!dataErrorCode(error)) throw error;
    return db.transaction((tx) => applyPushIn(tx, envelope, context, 'one-by-one'));
  }
}

type PushMode = 'batched' | 'one-by-one';

async function applyPushIn(tx: Queryable, envelope: PushEnvelope, context: MutationContext, mode: PushMode): Promise<PushResponse> {
  const lastBefore = await lockClient(tx, envelope.clientId, context);
  // Find any gap before writing anything (see the header for why nothing of the batch is applied).
  checkNoGap(envelope, lastBefore);
  const parsed = envelope.mutations.map(parseMutation);
  await lockCases(tx, caseIdsOf(parsed.filter(({ raw }) => raw.id > lastBefore)));
  const rejections = await recordedRejections(tx, envelope, lastBefore);

  let last = lastBefore;
  const results: MutationResult[] = [];
  const changedCaseIds: string[] = [];
  const audits: NonNullable<AppliedEffects['audit']>[] = [];
  const effects = new PushEffects(tx, context);
  // The batch's rows for `mutations`, column by column: written in one statement after the loop.
  const recorded: MutationInsert[] = [];
  const precomputed = new Map<number, MutationOutcome>();
  for (const [index, item] of parsed.entries()) {
    const mutation = item.raw;
    if (mutation.id <= last) {
      const rejection = rejections.get(mutation.id);
      results.push(rejection ? { id: mutation.id, status: 'rejected', ...rejection } : { id: mutation.id, status: 'duplicate' });
      continue;
    }
    const outcome = await outcomeOf(tx, parsed, index, { context, mode, precomputed, effects });
    if (outcome.status === 'applied' && outcome.audit) audits.push(outcome.audit);
    const row = mutationRow(mutation, outcome);
    recorded.push(row);
    changedCaseIds.push(...(outcome.changedCaseIds ?? []));
    if (outcome.status === 'applied') {
      results.push({ id: mutation.id, status: 'applied', ...(outcome.conflict ? { conflict: true } : {}) });
    } else {
      results.push({ id: mutation.id, status: 'rejected', code: outcome.code, message: row.message ?? outcome.code });
    }
    last = mutation.id;
  }

  await effects.flush();
  await recordMutations(tx, envelope.clientId, context, recorded, last);
  // Last, the two rows every writer locks: the audit chain's head, then the change sequence. Each is
  // held from here to COMMIT, so all the work above is done first and what follows is a few
  // statements whatever the batch size (auditStore.appendAudits, changeSequence.stampChanges).
  await appendAudits(
    tx,
    audits.map((audit) => ({
      at: context.now,
      userName: context.session.username,
      deviceId: context.session.deviceId,
      action: audit.action,
      caseId: audit.caseId,
      purpose: 'sync',
      ...(audit.details ? { details: audit.details } : {}),
    })),
  );
  await stampChanges(tx, changedCaseIds);
  return { results, lastMutationId: last, serverTime: context.now.toISOString() };
}

/** What one mutation of the push comes to, the way `mode` applies it; its history event taken. */
async function outcomeOf(
  tx: Queryable,
  parsed: readonly ParsedMutation[],
  index: number,
  { context, mode, precomputed, effects }: { context: MutationContext; mode: PushMode; precomputed: Map<number, MutationOutcome>; effects: PushEffects },
): Promise<MutationOutcome> {
  const item = parsed[index];
  if (!item) throw new Error(`no mutation at ${index}`);
  const { id, name } = item.raw;
  const known = precomputed.get(id);
  if (known) {
    await effects.take(known);
    return known;
  }
  if (mode === 'one-by-one') {
    return applyAlone(tx, { id, name: typeof name === 'string' ? name.slice(0, 64) : '(none)' }, context, async () => {
      const alone = await applyOne(tx, item, context);
      await effects.takeNow(alone);
      return alone;
    });
  }
  const run = intakeRunAt(parsed, index);
  if (run.length > 1) for (const [runId, computed] of await applyIntakeRun(tx, run, context)) precomputed.set(runId, computed);
  const outcome = precomputed.get(id) ?? (await applyOne(tx, item, context));
  await effects.take(outcome);
  return outcome;
}

/** The `mutations` row of a consumed mutation; texts made storable (one line, capped). */
function mutationRow(mutation: EnvelopeMutation, outcome: MutationOutcome): MutationInsert {
  const deviceTime = isoDateTimeSchema.safeParse(mutation.createdAt);
  return {
    id: mutation.id,
    name: typeof mutation.name === 'string' ? storableMessage(mutation.name.slice(0, 64)) : '(none)',
    status: outcome.status,
    code: outcome.status === 'rejected' ? outcome.code : null,
    message: outcome.status === 'rejected' ? storableMessage(outcome.message) : null,
    created_at: deviceTime.success ? deviceTime.data : null,
  };
}

/** A parsed mutation's outcome: its rejection, or what dispatch made of it. */
async function applyOne(tx: Queryable, item: ParsedMutation, context: MutationContext): Promise<MutationOutcome> {
  return item.mutation ? dispatch(tx, item.mutation, context) : item.rejection;
}

/**
 * The history events of a push's applied mutations (which may queue the citizen's SMS). Batched: kept
 * and recorded together after the loop, each carrying the case as it left it, which its message
 * reads; an extension is written at once, as later mutations read it (the one-extension rule, the due
 * date of a transition). One by one: written at once, inside the mutation's savepoint.
 * Without notification settings (tests of sync alone) the history is not written either.
 */
class PushEffects {
  private events: CaseEventToRecord[] = [];

  constructor(
    private readonly tx: Queryable,
    private readonly context: MutationContext,
  ) {}

  async take(outcome: MutationOutcome): Promise<void> {
    if (outcome.status !== 'applied' || !outcome.event) return;
    this.events.push({ ...outcome.event, at: this.context.now, actor: this.context.session.username });
    if (outcome.event.kind === 'extension') await this.flush();
  }

  async takeNow(outcome: MutationOutcome): Promise<void> {
    if (outcome.status !== 'applied' || !outcome.event || !this.context.notifications) return;
    await recordCaseEvents(this.tx, [{ ...outcome.event, at: this.context.now, actor: this.context.session.username }], this.context.notifications);
  }

  async flush(): Promise<void> {
    const events = this.events;
    this.events = [];
    if (this.context.notifications && events.length > 0) await recordCaseEvents(this.tx, events, this.context.notifications);
  }
}

/** The batch's results and the client's new last id, in one round trip (last moved exactly when something was recorded). */
async function recordMutations(tx: Queryable, clientId: string, context: MutationContext, recorded: readonly MutationInsert[], last: number): Promise<void> {
  if (recorded.length === 0) return;
  const inserts = unnestRows('m', mutationInsertTypes, recorded, { firstParameter: 5 });
  await tx.query(
    `WITH recorded AS (
       INSERT INTO mutations (client_id, mutation_id, name, status, code, message, user_id, created_at, applied_at)
       SELECT $1::uuid, m.id, m.name, m.status, m.code, m.message, $2::bigint, m.created_at, $3::timestamptz
         FROM ${inserts.from}
     )
     UPDATE sync_clients SET last_mutation_id = $4, updated_at = $3 WHERE client_id = $1`,
    [clientId, context.session.userId, context.now, last, ...inserts.parameters],
  );
}
