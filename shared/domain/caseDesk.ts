/**
 * The one rule for every step of a case after intake (docs/decisions/0027-case-desk.md): who may take
 * it, review it, ask for documents, propose, decide, hand the result over, close a same-day case on the
 * spot or withdraw it. The device runs it for an immediate answer and its own copy; the server runs it
 * again on the case it holds, knowing the unit's officers, and stores what it returns.
 *
 * Who, on top of the lifecycle's roles (lifecycle.ts):
 * - desk steps (take, start review, notes, request documents, propose) belong to the case's officer;
 *   an officer of the case's unit may take an unassigned case (starting the review takes it); the
 *   unit's chief (or the director) may do them too, and assigns;
 * - the decision is made at the service's level (分層負責): `officer` — the officer's proposal is the
 *   decision; `chief` — a supervisor who is the unit's chief or the director; `director` — the director;
 * - counter steps (documents supplied, same-day completion, hand-over, withdrawal) are anyone's whose
 *   role the lifecycle allows: the citizen comes to whichever counter is free.
 */
import type { Role } from '../schemas/auth';
import { MAX_CHECKLIST_ITEMS, MAX_CLOCK_PAUSES } from '../schemas/case';
import type { CaseRecord, CaseStatus } from '../schemas/case';
import type { CaseAction, CaseDesk, Decision, Outcome } from '../schemas/caseDesk';
import type { DecisionLevel, UnitMembership } from '../schemas/unit';
import type { RejectionCode } from '../sync/protocol';
import type { Bilingual } from './bilingual';
import { decisionLevelOf, handlingUnitOf, isSameDay } from './catalogue';
import type { Service } from './catalogue';
import { pausesAfter } from './clockPauses';
import { checkTransition } from './lifecycle';
import { addDays } from './isoDate';

export interface DeskActor {
  username: string;
  roles: readonly Role[];
  units: readonly UnitMembership[];
}

export interface DeskContext {
  /** The instant of the step (ISO) and its day in Asia/Taipei (YYYY-MM-DD). */
  now: string;
  today: string;
  service: Service | undefined;
  /** The server passes the unit's officers so an assignment names one of them; the device does not know them all. */
  officersOfUnit?: readonly string[];
}

/** What a step did, for the history, the audit and the citizen's SMS. */
export interface DeskEvent {
  step: CaseAction['action'];
  from: CaseStatus;
  to: CaseStatus;
  reason?: string;
}

export type DeskPlan = { ok: true; next: CaseRecord; event: DeskEvent } | { ok: false; code: RejectionCode; message: Bilingual };

const OPEN_FOR_DESK: readonly CaseStatus[] = ['received', 'awaiting-documents', 'in-review', 'pending-approval'];

function refuse(code: RejectionCode, zh: string, en: string): DeskPlan {
  return { ok: false, code, message: { zh, en } };
}

/** The desk of a case, routed to the service's unit when it has none yet. */
export function deskOf(record: CaseRecord, service: Service | undefined): CaseDesk {
  return record.desk ?? { unit: service ? handlingUnitOf(service) : 'SERVICE', notes: [] };
}

export function isDirector(actor: DeskActor): boolean {
  return actor.roles.includes('supervisor') && actor.units.some((m) => m.position === 'director');
}

export function isChiefOf(actor: DeskActor, unit: string): boolean {
  return isDirector(actor) || (actor.roles.includes('supervisor') && actor.units.some((m) => m.unit === unit && m.position === 'chief'));
}

export function isOfficerOf(actor: DeskActor, unit: string): boolean {
  return actor.roles.includes('officer') && actor.units.some((m) => m.unit === unit);
}

/** May this person make the decision at `level` for a case of `unit` handled by `assignee`? */
export function mayDecideAt(actor: DeskActor, level: DecisionLevel, unit: string, assignee: string | undefined): boolean {
  if (level === 'director') return isDirector(actor);
  if (level === 'chief') return isChiefOf(actor, unit);
  return isChiefOf(actor, unit) || (assignee === actor.username && isOfficerOf(actor, unit));
}

/** Where a case goes once its documents are all supplied: back to its officer's review, else to the unit's desk. */
export function statusAfterSupply(record: Pick<CaseRecord, 'desk'>): CaseStatus {
  return record.desk?.assignee ? 'in-review' : 'received';
}

/** Plans one step; `{ ok: false }` says, in both languages, why it may not be taken. */
export function planCaseAction(record: CaseRecord, step: CaseAction, actor: DeskActor, context: DeskContext): DeskPlan {
  const desk = deskOf(record, context.service);
  const handler = handlers[step.action] as (input: StepInput<typeof step>) => DeskPlan;
  return handler({ record, desk, step, actor, context });
}

interface StepInput<S extends CaseAction> {
  record: CaseRecord;
  desk: CaseDesk;
  step: S;
  actor: DeskActor;
  context: DeskContext;
}

type Handlers = { [A in CaseAction['action']]: (input: StepInput<Extract<CaseAction, { action: A }>>) => DeskPlan };

/** A status change checked against the lifecycle, with the clock pauses it opens or closes. */
function move(input: StepInput<CaseAction>, to: CaseStatus, desk: CaseDesk, changes: Partial<CaseRecord> = {}, reason?: string): DeskPlan {
  const { record, actor, context, step } = input;
  if (to !== record.status) {
    const check = checkTransition(record.status, to, actor.roles);
    if (!check.ok) return { ok: false, code: check.reason === 'invalid-transition' ? 'invalid_transition' : 'forbidden_transition', message: check.message };
  }
  const clockPauses = pausesAfter(record.clockPauses ?? [], record.status, to, context.today);
  // A case that held more than its schema allows could no longer be read by devices (decision 0032).
  if (clockPauses.length > MAX_CLOCK_PAUSES || (changes.checklist?.length ?? 0) > MAX_CHECKLIST_ITEMS) {
    return refuse('step_not_allowed', '此案件的補正次數或文件清單已達上限', 'This case holds as many document requests or listed documents as it can.');
  }
  const next: CaseRecord = { ...record, ...changes, status: to, clockPauses, desk };
  return { ok: true, next, event: { step: step.action, from: record.status, to, ...(reason ? { reason } : {}) } };
}

/** Desk steps: the case's officer, an officer of the unit taking an unassigned case, or the unit's chief. */
function deskRefusal(input: StepInput<CaseAction>, mayTake: boolean): DeskPlan | undefined {
  const { desk, actor } = input;
  if (isChiefOf(actor, desk.unit)) return undefined;
  if (!isOfficerOf(actor, desk.unit)) return refuse('not_in_unit', '此案件不屬於您的單位', "This case belongs to another unit's desk.");
  if (desk.assignee === actor.username) return undefined;
  if (desk.assignee === undefined && mayTake) return undefined;
  return refuse('not_assigned', '此案件由其他承辦人處理', 'Another officer handles this case.');
}

function openRefusal(record: CaseRecord): DeskPlan | undefined {
  return OPEN_FOR_DESK.includes(record.status) ? undefined : refuse('case_closed', '此案件已結案或撤回', 'This case is already closed or withdrawn.');
}

function withAssignee(desk: CaseDesk, actor: DeskActor): CaseDesk {
  return desk.assignee === undefined && isOfficerOf(actor, desk.unit) ? { ...desk, assignee: actor.username } : desk;
}

function decisionFrom(outcome: Outcome, reasons: string, input: StepInput<CaseAction>, level: DecisionLevel, proposedBy?: string): Decision {
  const facts = input.desk.proposal?.facts;
  return {
    outcome,
    reasons,
    ...(facts ? { facts } : {}),
    level,
    ...(proposedBy ? { proposedBy } : {}),
    decidedBy: input.actor.username,
    decidedOn: input.context.today,
  };
}

const handlers: Handlers = {
  take: (input) => {
    const { desk, actor } = input;
    const closed = openRefusal(input.record);
    if (closed) return closed;
    if (!isOfficerOf(actor, desk.unit)) return refuse('not_in_unit', '此案件不屬於您的單位', "This case belongs to another unit's desk.");
    if (desk.assignee === actor.username) return move(input, input.record.status, desk);
    if (desk.assignee !== undefined) return refuse('step_not_allowed', '此案件已有承辦人', 'This case already has an officer.');
    return move(input, input.record.status, { ...desk, assignee: actor.username });
  },
  assign: (input) => {
    const { desk, actor, step, context } = input;
    const closed = openRefusal(input.record);
    if (closed) return closed;
    if (!isChiefOf(actor, desk.unit)) return refuse('not_in_unit', '只有該單位主管可以分案', "Only the unit's chief assigns its cases.");
    if (context.officersOfUnit && !context.officersOfUnit.includes(step.officer)) {
      return refuse('not_in_unit', `${step.officer} 不是此單位的承辦人`, `${step.officer} is not an officer of this unit.`);
    }
    return move(input, input.record.status, { ...desk, assignee: step.officer }, {}, step.officer);
  },
  'start-review': (input) => {
    const refused = deskRefusal(input, true);
    if (refused) return refused;
    // Awaiting documents, the review waits for them: starting it would close the §51 pause with nothing supplied.
    if (input.record.status !== 'received' && input.record.status !== 'in-review') {
      return refuse('step_not_allowed', '案件待補正或已送核，無法開始審核', 'The case is awaiting documents or past review; the review cannot start now.');
    }
    return move(input, 'in-review', withAssignee(input.desk, input.actor));
  },
  note: (input) => {
    const { desk, actor, step, context } = input;
    const closed = openRefusal(input.record);
    if (closed && !desk.decision) return closed;
    if (!isChiefOf(actor, desk.unit) && !isOfficerOf(actor, desk.unit)) return refuse('not_in_unit', '此案件不屬於您的單位', "This case belongs to another unit's desk.");
    if (desk.notes.length >= 200) return refuse('step_not_allowed', '此案件的內部註記已達上限', 'This case has the most internal notes it can hold.');
    const notes = [...desk.notes, { at: context.now, by: actor.username, text: step.text }];
    return move(input, input.record.status, { ...desk, notes });
  },
  'request-documents': (input) => {
    const refused = deskRefusal(input, true);
    if (refused) return refused;
    const { record, step, context } = input;
    if (step.supplementBy < context.today) return refuse('invalid_value', '補正期限不可早於今天', 'The supplement deadline cannot be before today.');
    const listed = new Set(record.checklist.map((item) => item.document));
    const checklist = [
      ...record.checklist.map((item) => (step.missing.includes(item.document) ? { ...item, state: 'missing' as const } : item)),
      ...step.missing.filter((document) => !listed.has(document)).map((document) => ({ document, state: 'missing' as const })),
    ];
    const deficiency = { noticedOn: context.today, supplementBy: step.supplementBy };
    return move(input, 'awaiting-documents', withAssignee(input.desk, input.actor), { checklist, deficiency }, step.missing.join('、'));
  },
  'documents-supplied': (input) => {
    const { record, desk } = input;
    if (record.status !== 'awaiting-documents') return refuse('step_not_allowed', '此案件並未等待補件', 'This case is not waiting for documents.');
    const checklist = record.checklist.map((item) => (item.state === 'missing' ? { ...item, state: 'provided' as const } : item));
    return move(input, statusAfterSupply(record), desk, { checklist });
  },
  propose: (input) => {
    const refused = deskRefusal(input, false);
    if (refused) return refused;
    const { record, desk, step, actor, context } = input;
    if (record.status !== 'in-review') return refuse('step_not_allowed', '請先開始審核再擬辦', 'Start the review before proposing a decision.');
    const proposal = { outcome: step.outcome, reasons: step.reasons, ...(step.facts ? { facts: step.facts } : {}), by: actor.username, at: context.now };
    const level = context.service ? decisionLevelOf(context.service) : 'chief';
    const { returned: _returned, ...rest } = desk;
    if (!mayDecideAt(actor, level, desk.unit, desk.assignee)) return move(input, 'pending-approval', { ...rest, proposal });
    const decision = decisionFrom(step.outcome, step.reasons, { ...input, desk: { ...rest, proposal } }, level, actor.username);
    return move(input, step.outcome === 'approve' ? 'approved' : 'rejected', { ...rest, proposal, decision }, {}, step.reasons);
  },
  decide: (input) => {
    const { record, desk, step, actor, context } = input;
    if (record.status !== 'pending-approval' || !desk.proposal) return refuse('step_not_allowed', '此案件沒有待核定的擬辦', 'This case has no proposal awaiting a decision.');
    const level = context.service ? decisionLevelOf(context.service) : 'chief';
    if (!mayDecideAt(actor, level, desk.unit, desk.assignee)) {
      return refuse('level_not_allowed', level === 'director' ? '此項服務須由局長核定' : '此項服務須由該單位主管核定', level === 'director' ? 'The director decides this service.' : "The unit's chief decides this service.");
    }
    if (step.outcome === 'return') {
      if (!step.reason) return refuse('invalid_value', '退回須說明原因', 'Say why the case is returned.');
      const { proposal: _proposal, ...rest } = desk;
      return move(input, 'in-review', { ...rest, returned: { reason: step.reason, by: actor.username, at: context.now } }, {}, step.reason);
    }
    const differs = step.outcome !== desk.proposal.outcome;
    if (differs && !step.reason) return refuse('invalid_value', '改變擬辦結果須說明理由', 'Give the reasons when deciding otherwise than proposed.');
    const reasons = step.reason || desk.proposal.reasons;
    const decision = decisionFrom(step.outcome, reasons, input, level, desk.proposal.by);
    return move(input, step.outcome === 'approve' ? 'approved' : 'rejected', { ...desk, decision }, {}, reasons);
  },
  'hand-over': (input) => {
    const { record, desk, step, actor, context } = input;
    if (record.status !== 'approved' && record.status !== 'rejected') return refuse('step_not_allowed', '案件尚未決行，無法交付結果', 'The case has no decision to hand over yet.');
    if (step.method === 'mail' && !step.registerNo) return refuse('invalid_value', '郵寄須填掛號號碼', 'Mail needs its register number.');
    if (step.method === 'email' && !step.email) return refuse('invalid_value', '電子郵件交付須填收件地址', 'E-mail needs the address it was sent to.');
    const handover = { method: step.method, ...(step.registerNo ? { registerNo: step.registerNo } : {}), ...(step.email ? { email: step.email } : {}), on: context.today, by: actor.username };
    return move(input, 'closed', { ...desk, handover, closedOn: context.today });
  },
  'complete-on-spot': (input) => {
    const { record, desk, actor, context } = input;
    if (!context.service || !isSameDay(context.service)) return refuse('not_same_day', '此項服務不是隨到隨辦，不能當場結案', 'Only same-day services are completed on the spot.');
    if (record.status !== 'received') return refuse('step_not_allowed', '只有剛收件的案件可當場結案', 'Only a case just received can be completed on the spot.');
    const decision: Decision = { outcome: 'approve', reasons: '當場辦結 Completed at the counter', level: 'officer', decidedBy: actor.username, decidedOn: context.today };
    const handover = { method: 'on-the-spot' as const, on: context.today, by: actor.username };
    return move(input, 'closed', { ...desk, decision, handover, closedOn: context.today });
  },
  withdraw: (input) => {
    const { record, desk, step, actor, context } = input;
    const closed = openRefusal(record);
    if (closed) return closed;
    const withdrawal = { on: context.today, by: actor.username, ...(step.reason ? { reason: step.reason } : {}), ...(step.signatureDocumentId ? { signatureDocumentId: step.signatureDocumentId } : {}) };
    return move(input, 'withdrawn', { ...desk, withdrawal, closedOn: context.today }, {}, step.reason);
  },
};

/**
 * The desk step a plain `transition {to}` means (devices before the desk sent only transitions), so a
 * transition goes through the same rule as the step; undefined when no step makes that move.
 */
export function stepForTransition(record: CaseRecord, to: CaseStatus, reason: string | undefined, today: string): CaseAction | undefined {
  const from = record.status;
  const said = reason?.trim() ? reason.trim() : undefined;
  if (to === 'in-review' && from === 'received') return { action: 'start-review' };
  if (to === 'in-review' && from === 'pending-approval') return { action: 'decide', outcome: 'return', reason: said ?? '退回重審 Returned for review' };
  if ((to === 'in-review' || to === 'received') && from === 'awaiting-documents') return { action: 'documents-supplied' };
  if (to === 'awaiting-documents' && (from === 'received' || from === 'in-review')) {
    const missing = record.checklist.filter((item) => item.state === 'missing').map((item) => item.document);
    return { action: 'request-documents', missing: missing.length > 0 ? missing : [said ?? '補正文件 / further documents'], supplementBy: addDays(today, SUPPLEMENT_CALENDAR_DAYS) };
  }
  if (to === 'pending-approval' && from === 'in-review') return { action: 'propose', outcome: 'approve', reasons: said ?? '擬准 Proposed for approval' };
  if ((to === 'approved' || to === 'rejected') && from === 'pending-approval') return { action: 'decide', outcome: to === 'approved' ? 'approve' : 'reject', ...(said ? { reason: said } : {}) };
  if ((to === 'approved' || to === 'rejected') && from === 'in-review') return { action: 'propose', outcome: to === 'approved' ? 'approve' : 'reject', reasons: said ?? (to === 'approved' ? '准予辦理 Approved' : '不予辦理 Rejected') };
  if (to === 'closed' && (from === 'approved' || from === 'rejected')) return { action: 'hand-over', method: 'pickup' };
  if (to === 'closed' && from === 'received') return { action: 'complete-on-spot' };
  if (to === 'withdrawn') return { action: 'withdraw', ...(said ? { reason: said } : {}) };
  return undefined;
}

/** Days the applicant has to supplement documents when a transition does not say (the intake's notice gives its own). */
export const SUPPLEMENT_CALENDAR_DAYS = 10;
