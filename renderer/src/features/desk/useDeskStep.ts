import { useState } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import type { DeskActor } from '../../../../shared/domain/caseDesk';
import type { CaseAction } from '../../../../shared/schemas/caseDesk';
import { StepRefused, takeStep } from '../../lib/caseSteps';
import type { LocalCase } from '../../db/records';
import { useDescribeError } from '../../lib/errorText';

export type StepOutcome = { kind: 'saved'; step: CaseAction['action'] } | { kind: 'refused'; words: Bilingual } | { kind: 'failed'; message: string };

/**
 * Takes desk steps on one case (db/caseSteps: stored and queued in one transaction, offline too) and
 * keeps what the last one came to: saved, refused by the rule (its own words, both languages), or
 * failed (in the reader's words, lib/errorText). `busy` while a step is being stored.
 */
export function useDeskStep(caseId: string, actor: DeskActor | undefined, onTaken: (next: LocalCase, step: CaseAction) => void) {
  const describeError = useDescribeError();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<StepOutcome>();

  /** True when the step was stored. */
  async function run(step: CaseAction): Promise<boolean> {
    if (!actor || busy) return false;
    setBusy(true);
    try {
      const next = await takeStep(caseId, step, actor);
      setOutcome({ kind: 'saved', step: step.action });
      onTaken(next, step);
      return true;
    } catch (error) {
      setOutcome(error instanceof StepRefused ? { kind: 'refused', words: error.words } : { kind: 'failed', message: describeError(error) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { run, busy, outcome };
}
