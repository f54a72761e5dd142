/**
 * The scope check of every mutation on a stored case (decision 0030): setField, transition,
 * caseAction and attachDocument ask here once they have loaded the case. The push's scope is read
 * once per push (the person's unit positions), whatever the number of mutations.
 */
import type { CaseScope } from '../authz/caseScope';
import { caseScopeOf } from '../authz/caseScope';
import { mayChangeCase } from '../authz/caseReach';
import type { Queryable } from '../db/database';
import type { StoredCase } from '../store/caseStore';
import type { MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';

const scopes = new WeakMap<MutationContext, Promise<CaseScope>>();

/** The scope of the push this context belongs to. */
export function pushScopeOf(tx: Queryable, context: MutationContext): Promise<CaseScope> {
  const known = scopes.get(context);
  if (known) return known;
  const scope = caseScopeOf(tx, context.session);
  scopes.set(context, scope);
  return scope;
}

/**
 * The refusal of a change to a case outside the scope. It names the case only by the id the device
 * sent, never by what the server holds, and stamps the case again: a device that held it and still
 * waited on this mutation is sent the tombstone it kept back (renderer/src/db/syncedCopy.ts).
 */
export function outOfScope(stored: StoredCase): MutationOutcome {
  const id = stored.record.id;
  return rejected('out_of_scope', `此案件不在您於本裝置可處理的範圍內。 Case ${id} is outside the cases you may change on this device.`, [id]);
}

/** The refusal when the push may not change this case, else undefined. */
export async function refuseOutOfScope(tx: Queryable, stored: StoredCase, context: MutationContext): Promise<MutationOutcome | undefined> {
  return mayChangeCase(await pushScopeOf(tx, context), stored) ? undefined : outOfScope(stored);
}
