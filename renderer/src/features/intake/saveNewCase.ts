import type { Service } from '../../../../shared/domain/catalogue';
import type { DeskActor } from '../../../../shared/domain/caseDesk';
import type { CaseRecord, Channel, ChecklistState } from '../../../../shared/schemas/case';
import { createCase } from '../../db/caseStore';
import { planStep } from '../../lib/caseSteps';
import type { CounterDeskDb } from '../../db/database';
import type { LocalCase } from '../../db/records';
import { heldReference } from '../../lib/referenceData';
import { commonDocumentsFor } from './applicantKinds';
import { buildCaseRecord, intakeContextAt } from './buildCase';
import type { ValidIntake } from './validateIntake';

export interface NewCase {
  valid: ValidIntake;
  service: Service;
  states: Readonly<Record<string, ChecklistState>>;
  /** How the application came, when the form asks (the counter's choice); otherwise the taker's. */
  channel?: Channel;
  /**
   * A same-day service done at once (隨到隨辦): the case is closed as done and handed over on the spot
   * (`complete-on-spot`) in the transaction that stores it, so it is saved closed or not at all.
   */
  onSpot?: boolean;
  /** A re-examination (複查): the decided case it asks to re-examine. */
  relatedCase?: CaseRecord['relatedCase'];
  /** The queue ticket the applicant was called with; the case keeps it. */
  ticket?: CaseRecord['ticket'];
}

/** Who takes the case, where and through which channel. */
export interface Taker {
  stationCode: string;
  actor: DeskActor;
  /** The counter when not said. */
  channel?: Channel;
}

/**
 * Stores a new case under the station's next number and queues its createCase, followed (a same-day
 * case done on the spot) by the `complete-on-spot` step the desk rule checked first. Throws when
 * nothing was stored: the rule refused (StepRefused), or the database did.
 */
export function saveNewCase({ valid, service, states, channel, onSpot, relatedCase, ticket }: NewCase, taker: Taker, at: Date = new Date(), db?: CounterDeskDb): Promise<LocalCase> {
  const context = intakeContextAt(at, taker.stationCode, taker.actor.username, channel ?? taker.channel);
  // The versions held now: the due date is computed with them and the case names them (decision 0028).
  const reference = heldReference();
  const values = { ...valid, service, states, commonDocuments: commonDocumentsFor(reference.catalogue, valid.kind), reference, ...(relatedCase ? { relatedCase } : {}), ...(ticket ? { ticket } : {}) };
  return createCase(
    {
      stationCode: context.stationCode,
      rocYear: context.rocYear,
      build: (sequence) => buildCaseRecord(values, context, sequence),
      ...(onSpot ? { followedBy: (record: CaseRecord) => planStep(record, { action: 'complete-on-spot' }, taker.actor, at) } : {}),
    },
    db,
  );
}
