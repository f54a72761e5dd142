import type { Bilingual } from '../../../../shared/domain/bilingual';
import { decisionLevelOf, findService } from '../../../../shared/domain/catalogue';
import { deskOf, mayDecideAt, type DeskActor } from '../../../../shared/domain/caseDesk';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import type { CaseRecord } from '../../../../shared/schemas/case';
import type { CaseAction } from '../../../../shared/schemas/caseDesk';
import type { DecisionLevel } from '../../../../shared/schemas/unit';
import { previewStep } from '../../lib/caseSteps';
import { getCatalogue } from '../../lib/referenceData';

/** The desk steps the case's panel offers, in the order they are shown. */
export const PANEL_STEPS = ['take', 'start-review', 'assign', 'request-documents', 'propose', 'hand-over', 'note'] as const;
export type PanelStep = (typeof PANEL_STEPS)[number];

export function isPanelStep(action: string): action is PanelStep {
  return (PANEL_STEPS as readonly string[]).includes(action);
}

/** A stand-in for each step, enough for the rule to say whether it may be taken now (what is typed later does not change that). */
function probe(step: PanelStep, actor: DeskActor, today: string): CaseAction {
  switch (step) {
    case 'take':
    case 'start-review':
      return { action: step };
    case 'assign':
      return { action: 'assign', officer: actor.username };
    case 'request-documents':
      return { action: 'request-documents', missing: ['—'], supplementBy: today };
    case 'propose':
      return { action: 'propose', outcome: 'approve', reasons: '—' };
    case 'hand-over':
      return { action: 'hand-over', method: 'pickup' };
    case 'note':
      return { action: 'note', text: '—' };
  }
}

export interface StepChoices {
  /** The steps the rule allows this person now. */
  allowed: PanelStep[];
  /** Why nothing may be done, in both languages, when nothing may. */
  refusal?: Bilingual;
  /** The service's decision level, and whether this person's proposal is the decision (決行) or goes for approval (送核). */
  level: DecisionLevel;
  decides: boolean;
}

/**
 * What the case's panel offers the signed-in person: every step the one rule (previewStep) allows,
 * less the ones that would change nothing (taking a case one already holds, starting a review already
 * started). When none is allowed, the rule's own words say why.
 */
export function stepChoices(record: CaseRecord, actor: DeskActor, now: Date = new Date()): StepChoices {
  const today = taipeiDate(now);
  const service = findService(getCatalogue(), record.serviceId);
  const desk = deskOf(record, service);
  const pointless = (step: PanelStep) => (step === 'take' && desk.assignee === actor.username) || (step === 'start-review' && record.status !== 'received');
  const allowed: PanelStep[] = [];
  let refusal: Bilingual | undefined;
  for (const step of PANEL_STEPS) {
    const plan = previewStep(record, probe(step, actor, today), actor, now);
    if (plan.ok && !pointless(step)) allowed.push(step);
    // Taking the case is refused for the reason that matters most: closed, another unit's, another officer's.
    else if (!plan.ok && step === 'take') refusal = plan.message;
  }
  const level = service ? decisionLevelOf(service) : 'chief';
  const decides = mayDecideAt(actor, level, desk.unit, desk.assignee ?? actor.username);
  return { allowed, ...(allowed.length === 0 && refusal ? { refusal } : {}), level, decides };
}
