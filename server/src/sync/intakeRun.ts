/**
 * A run of intake mutations: consecutive createCase and attachDocument mutations of a push, as an
 * outbox sends a day's work (a case, its scans, the next case…). Applied together with a few
 * statements — one INSERT for the cases (createCase.ts), three for the attachments (attachDocument.ts)
 * — instead of a handful per mutation, with the outcomes applying them one by one would give.
 *
 * Why the outcomes are the same: a createCase writes only a new row, which no createCase before it
 * reads (an earlier one with the same id or case number makes this one a duplicate or a conflict, as
 * one by one). An attachDocument reads the case as the mutations before it left it: inserting the
 * run's cases first hides nothing from it, except a case created by a LATER mutation of the run,
 * which it is told it must not see (`caseCreatedLater`). setField and transition end a run: they
 * read and write more of a case than these two.
 */
import type { CaseRecord } from '../../../shared/schemas/case';
import type { Queryable } from '../db/database';
import type { ParsedMutation } from './pushEnvelope';
import { applyAttachDocuments, type AttachDocumentArgs } from './attachDocument';
import { applyCreateCases } from './createCase';
import type { MutationContext, MutationOutcome } from './mutationOutcome';

type RunItem = { id: number; index: number } & ({ name: 'createCase'; record: CaseRecord } | { name: 'attachDocument'; args: AttachDocumentArgs });

/** The valid createCase and attachDocument mutations with consecutive ids that start at `start`. */
export function intakeRunAt(mutations: readonly ParsedMutation[], start: number): RunItem[] {
  const run: RunItem[] = [];
  const first = mutations[start]?.raw.id ?? 0;
  for (let index = start; index < mutations.length; index += 1) {
    const item = mutations[index];
    if (!item?.mutation || item.raw.id !== first + run.length) break;
    const { mutation } = item;
    if (mutation.name === 'createCase') run.push({ id: item.raw.id, index: run.length, name: 'createCase', record: mutation.args.case });
    else if (mutation.name === 'attachDocument') run.push({ id: item.raw.id, index: run.length, name: 'attachDocument', args: mutation.args });
    else break;
  }
  return run;
}

/** Each run mutation's outcome by mutation id. */
export async function applyIntakeRun(tx: Queryable, run: readonly RunItem[], context: MutationContext): Promise<Map<number, MutationOutcome>> {
  const outcomes = new Map<number, MutationOutcome>();
  const creates = run.flatMap((item) => (item.name === 'createCase' ? [item] : []));
  const attaches = run.flatMap((item) => (item.name === 'attachDocument' ? [item] : []));
  // Where in the run each case that did not exist before it was created.
  const createdAt = new Map<string, number>();
  if (creates.length > 0) {
    const created = await applyCreateCases(
      tx,
      creates.map((item) => item.record),
      context,
    );
    creates.forEach((item, k) => {
      const outcome = created[k];
      if (!outcome) return;
      outcomes.set(item.id, outcome);
      // A new row is the one outcome that names the case as changed with a history event.
      if (outcome.status === 'applied' && outcome.event) createdAt.set(item.record.id, item.index);
    });
  }
  if (attaches.length > 0) {
    const attached = await applyAttachDocuments(
      tx,
      attaches.map((item) => ({ args: item.args, caseCreatedLater: (createdAt.get(item.args.caseId) ?? -1) > item.index })),
      context,
    );
    attaches.forEach((item, k) => {
      const outcome = attached[k];
      if (outcome) outcomes.set(item.id, outcome);
    });
  }
  return outcomes;
}
