/**
 * Applies one push (a batch of a client's outbox mutations) in ONE database transaction.
 *
 * Invariants:
 * - The client's `sync_clients` row is locked (SELECT … FOR UPDATE) for the whole transaction, so two
 *   pushes of the same client never interleave; pushes of different clients run side by side.
 * - A clientId belongs to the device that first used it; another device using it is refused.
 * - Exactly once, in id order: ids ≤ last are answered `duplicate` and not touched again; last+1 is
 *   applied; anything beyond is a gap. On a gap the whole request is refused with 409 `mutation_gap`
 *   and NOTHING of the batch is applied — not even the mutations before the gap. The gap is found
 *   before anything is written, so the client simply resends from last+1 (the `lastMutationId` it
 *   learns from any later push) and no half-applied batch can exist.
 * - A mutation that can never succeed (malformed arguments, unknown name, a rule it breaks) is
 *   `rejected` with a code and a message, recorded, and consumed like an applied one, so it never
 *   blocks those after it. The envelope only checks what routing needs (ids); each mutation's own
 *   shape is checked here, one by one, so that one bad mutation cannot wedge a whole outbox behind a
 *   400.
 * - Results, `last_mutation_id` and the data changes commit together; the changed cases get their
 *   change numbers last, just before COMMIT (store/changeSequence.ts).
 */
import { z } from 'zod';
import { MAX_PUSH_BATCH, mutationSchema } from '../../../shared/sync/protocol';
import type { Mutation, MutationResult, PushResponse } from '../../../shared/sync/protocol';
import { isoDateTimeSchema, uuidSchema } from '../../../shared/schemas/primitives';
import type { Database, Queryable } from '../db/database';
import { HttpError, issuesOf } from '../http/httpError';
import { stampChanges } from '../store/changeSequence';
import { applyCreateCase } from './createCase';
import type { MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';

/** The envelope: strict about what routing needs, lenient about each mutation's content. */
export const pushEnvelopeSchema = z.object({
  protocolVersion: z.number().int(),
  clientId: uuidSchema,
  mutations: z
    .array(z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), name: z.unknown(), args: z.unknown(), createdAt: z.unknown() }))
    .min(1)
    .max(MAX_PUSH_BATCH),
});
export type PushEnvelope = z.infer<typeof pushEnvelopeSchema>;
type EnvelopeMutation = PushEnvelope['mutations'][number];

const knownNames = new Set<string>(['createCase', 'setField', 'transition', 'attachDocument'] satisfies Mutation['name'][]);

async function dispatch(tx: Queryable, mutation: Mutation, context: MutationContext): Promise<MutationOutcome> {
  switch (mutation.name) {
    case 'createCase':
      return applyCreateCase(tx, mutation.args.case, context);
    case 'setField':
    case 'transition':
    case 'attachDocument':
      return rejected('not_supported_yet', `This server does not apply ${mutation.name} yet`);
    default:
      return mutation satisfies never;
  }
}

async function applyOne(tx: Queryable, raw: EnvelopeMutation, context: MutationContext): Promise<MutationOutcome> {
  if (typeof raw.name !== 'string' || !knownNames.has(raw.name)) {
    const shown = typeof raw.name === 'string' ? JSON.stringify(raw.name.slice(0, 64)) : 'without a name';
    return rejected('unknown_mutation', `Unknown mutation ${shown}`);
  }
  const parsed = mutationSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = issuesOf(parsed.error)
      .slice(0, 5)
      .map((issue) => `${issue.path}: ${issue.message}`)
      .join('; ');
    return rejected('invalid_mutation', `${raw.name} ${raw.id} is not valid: ${detail}`);
  }
  return dispatch(tx, parsed.data, context);
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
    throw new HttpError('forbidden', 'This clientId belongs to another device');
  }
  return row.last_mutation_id;
}

export async function applyPush(db: Database, envelope: PushEnvelope, context: MutationContext): Promise<PushResponse> {
  return db.transaction(async (tx) => {
    const lastBefore = await lockClient(tx, envelope.clientId, context);

    // Find any gap before writing anything (see the header for why nothing of the batch is applied).
    let expected = lastBefore + 1;
    for (const mutation of envelope.mutations) {
      if (mutation.id < expected) continue;
      if (mutation.id > expected) {
        throw new HttpError(
          'mutation_gap',
          `Mutation ${mutation.id} arrived but the server expects ${expected} next (last applied: ${lastBefore}); resend from ${lastBefore + 1}`,
        );
      }
      expected += 1;
    }

    let last = lastBefore;
    const results: MutationResult[] = [];
    const changedCaseIds: string[] = [];
    for (const mutation of envelope.mutations) {
      if (mutation.id <= last) {
        results.push({ id: mutation.id, status: 'duplicate' });
        continue;
      }
      const outcome = await applyOne(tx, mutation, context);
      const name = typeof mutation.name === 'string' ? mutation.name.slice(0, 64) : '(none)';
      const deviceTime = isoDateTimeSchema.safeParse(mutation.createdAt);
      await tx.query(
        `INSERT INTO mutations (client_id, mutation_id, name, status, code, message, user_id, created_at, applied_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9)`,
        [
          envelope.clientId,
          mutation.id,
          name,
          outcome.status,
          outcome.status === 'rejected' ? outcome.code : null,
          outcome.status === 'rejected' ? outcome.message : null,
          context.session.userId,
          deviceTime.success ? deviceTime.data : null,
          context.now,
        ],
      );
      if (outcome.status === 'applied') {
        changedCaseIds.push(...outcome.changedCaseIds);
        results.push({ id: mutation.id, status: 'applied' });
      } else {
        results.push({ id: mutation.id, status: 'rejected', code: outcome.code, message: outcome.message });
      }
      last = mutation.id;
    }

    if (last !== lastBefore) {
      await tx.query('UPDATE sync_clients SET last_mutation_id = $2, updated_at = $3 WHERE client_id = $1', [
        envelope.clientId,
        last,
        context.now,
      ]);
    }
    await stampChanges(tx, changedCaseIds);
    return { results, lastMutationId: last, serverTime: context.now.toISOString() };
  });
}
