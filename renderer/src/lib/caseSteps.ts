/**
 * A desk step taken on this device (docs/decisions/0027-case-desk.md): checked with the one rule the
 * server applies (`planCaseAction`), stored as the case's new local copy and queued as a `caseAction`
 * mutation in the same transaction, so it works offline. The server checks again with what only it
 * knows (the unit's officers, the case as it holds it) and refuses, readably, a step that no longer fits.
 */
import { findService } from '../../../shared/domain/catalogue';
import { planCaseAction } from '../../../shared/domain/caseDesk';
import type { DeskActor } from '../../../shared/domain/caseDesk';
import type { Bilingual } from '../../../shared/domain/bilingual';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../shared/schemas/case';
import type { CaseAction } from '../../../shared/schemas/caseDesk';
import type { RejectionCode } from '../../../shared/sync/protocol';
import { referenceFor } from './referenceData';
import { updateCase, type CaseChange } from '../db/caseStore';
import type { LocalCase } from '../db/records';
import type { CounterDeskDb } from '../db/database';
import { getDb } from '../db/database';

/** A step the rule refuses on this device; nothing was stored or queued. */
export class StepRefused extends Error {
  readonly code: RejectionCode;
  readonly words: Bilingual;

  constructor(code: RejectionCode, words: Bilingual) {
    super(`${words.zh} ${words.en}`);
    this.name = 'StepRefused';
    this.code = code;
    this.words = words;
  }
}

/** What the rule would answer for this step now, without storing anything (to enable or explain a button). */
export function previewStep(record: CaseRecord, step: CaseAction, actor: DeskActor, now: Date = new Date()) {
  return planCaseAction(record, step, actor, { now: now.toISOString(), today: taipeiDate(now), service: findService(referenceFor(record.versions).catalogue, record.serviceId) });
}

/** The change a step makes: the rule's new copy and the caseAction to queue; throws StepRefused when the rule says no. */
export function planStep(record: CaseRecord, step: CaseAction, actor: DeskActor, now: Date = new Date()): CaseChange {
  const plan = previewStep(record, step, actor, now);
  if (!plan.ok) throw new StepRefused(plan.code, plan.message);
  return { next: plan.next, mutations: [{ name: 'caseAction', args: { caseId: record.id, step } }] };
}

/** Steps one after another, each checked on the copy the one before left: all of them, or (refused) none. */
export function planSteps(record: CaseRecord, steps: readonly CaseAction[], actor: DeskActor, now: Date = new Date()): CaseChange {
  let next = record;
  const mutations: CaseChange['mutations'] = [];
  for (const step of steps) {
    const change = planStep(next, step, actor, now);
    next = change.next;
    mutations.push(...change.mutations);
  }
  return { next, mutations };
}

/** Takes the steps on the stored case and queues them for the server, in one transaction; throws StepRefused when the rule says no. */
export async function takeSteps(caseId: string, steps: readonly CaseAction[], actor: DeskActor, db: CounterDeskDb = getDb(), now: Date = new Date()): Promise<LocalCase> {
  return updateCase(caseId, (current) => planSteps(current, steps, actor, now), db);
}

/** Takes the step on the stored case and queues it for the server; throws StepRefused when the rule says no. */
export async function takeStep(caseId: string, step: CaseAction, actor: DeskActor, db: CounterDeskDb = getDb(), now: Date = new Date()): Promise<LocalCase> {
  return takeSteps(caseId, [step], actor, db, now);
}

/** The signed-in user as the rule sees them (sign-in answers the units; an older server none). */
export function deskActorOf(user: { username: string; roles: DeskActor['roles']; units?: DeskActor['units'] | undefined }): DeskActor {
  return { username: user.username, roles: user.roles, units: user.units ?? [] };
}
