/**
 * What happens when the database refuses a mutation that passed every check (decision 0032).
 *
 * A push is first applied the fast way, in batches and without savepoints (applyPush.ts). Should the
 * database refuse a value there, the transaction is lost as a whole; applyPush then applies the same
 * push once more in a new transaction, each mutation inside its own SAVEPOINT (`applyAlone`). A
 * mutation the database refuses again is rolled back to its savepoint and answered `cannot_apply`,
 * alone: the mutations after it still apply, and the device's outbox moves on.
 *
 * Only errors about the data itself count as "cannot apply": SQLSTATE classes 22 (data exception: a
 * character the encoding lacks, a number out of range), 23 (integrity constraint) and 54 (program
 * limit: a value too large or too deep). Anything else — the connection, a timeout, a deadlock, a lack
 * of resources, or a fault of the server's own code — still throws, so the whole push is answered
 * 5xx and retried later: a server fault must never consume a device's work as refused.
 */
import type { Queryable } from '../db/database';
import type { MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';

const dataErrorClasses = new Set(['22', '23', '54']);

/** The SQLSTATE of a database error that is about the data it was given, or undefined. */
export function dataErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code } = error as { code?: unknown };
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  return dataErrorClasses.has(code.slice(0, 2)) ? code : undefined;
}

/** The savepoint's name: one at a time, released before the next is taken. */
const SAVEPOINT = 'mutation_alone';

/**
 * Runs `work` (one mutation and what it records) inside a savepoint; when the database refuses its
 * data, rolls back to the savepoint and answers `cannot_apply`. Other errors throw.
 */
export async function applyAlone(
  tx: Queryable,
  mutation: { id: number; name: string },
  context: MutationContext,
  work: () => Promise<MutationOutcome>,
): Promise<MutationOutcome> {
  await tx.exec(`SAVEPOINT ${SAVEPOINT}`);
  try {
    const outcome = await work();
    await tx.exec(`RELEASE SAVEPOINT ${SAVEPOINT}`);
    return outcome;
  } catch (error) {
    const sqlstate = dataErrorCode(error);
    if (!sqlstate) throw error;
    await tx.exec(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}; RELEASE SAVEPOINT ${SAVEPOINT}`);
    // The error's own text can quote the values (national ids, names): only its code is told.
    context.onCannotApply?.({ mutationId: mutation.id, name: mutation.name, sqlstate });
    const request = context.requestId ? `; request ${context.requestId}` : '';
    return rejected('cannot_apply', `The server could not store ${mutation.name} ${mutation.id} (database code ${sqlstate})${request}`);
  }
}
