/**
 * The case lifecycle as a pure state machine (ARCHITECTURE.md, enforced by the server):
 *
 *   draft → received → (awaiting-documents ⇄ received | in-review) → in-review → pending-approval → approved | rejected → closed
 *   plus withdrawn, from any open state after receipt.
 *
 * This table says which role may move a case along which edge; `shared/domain/caseDesk.ts` adds who in
 * that role (the case's unit, its officer, the decision level) and is the rule every step goes through.
 * Additions the architecture is silent on: a review can find a missing document (in-review →
 * awaiting-documents, back to in-review when supplied); a supervisor can return a case to review; at the
 * officer's own decision level the officer decides (in-review → approved | rejected); a same-day service
 * closes on the spot (received → closed). Admins run the system and hold no case transitions.
 * Invariant: a transition not listed here is refused, whoever asks; closed and withdrawn are final.
 */
import type { Bilingual } from './bilingual';
import type { Role } from '../schemas/auth';
import type { CaseStatus } from '../schemas/case';

export interface Transition {
  from: CaseStatus;
  to: CaseStatus;
  roles: readonly Role[];
}

const INTAKE: readonly Role[] = ['clerk', 'field-staff', 'supervisor'];
const SUPPLY: readonly Role[] = ['clerk', 'field-staff', 'officer', 'supervisor'];
const DESK: readonly Role[] = ['officer', 'supervisor'];
const DECIDE: readonly Role[] = ['supervisor'];
const HAND_OVER: readonly Role[] = ['clerk', 'officer', 'supervisor'];
const WITHDRAW: readonly Role[] = ['clerk', 'field-staff', 'officer', 'supervisor'];

export const transitions: ReadonlyArray<Transition> = [
  { from: 'draft', to: 'received', roles: INTAKE },
  { from: 'received', to: 'awaiting-documents', roles: SUPPLY },
  { from: 'awaiting-documents', to: 'received', roles: SUPPLY },
  { from: 'awaiting-documents', to: 'in-review', roles: SUPPLY },
  { from: 'received', to: 'in-review', roles: DESK },
  { from: 'in-review', to: 'awaiting-documents', roles: DESK },
  { from: 'in-review', to: 'pending-approval', roles: DESK },
  { from: 'in-review', to: 'approved', roles: DESK },
  { from: 'in-review', to: 'rejected', roles: DESK },
  { from: 'pending-approval', to: 'in-review', roles: DECIDE },
  { from: 'pending-approval', to: 'approved', roles: DECIDE },
  { from: 'pending-approval', to: 'rejected', roles: DECIDE },
  { from: 'approved', to: 'closed', roles: HAND_OVER },
  { from: 'rejected', to: 'closed', roles: HAND_OVER },
  { from: 'received', to: 'closed', roles: [...INTAKE, 'officer'] },
  { from: 'received', to: 'withdrawn', roles: WITHDRAW },
  { from: 'awaiting-documents', to: 'withdrawn', roles: WITHDRAW },
  { from: 'in-review', to: 'withdrawn', roles: HAND_OVER },
  { from: 'pending-approval', to: 'withdrawn', roles: HAND_OVER },
];

export const terminalStatuses: readonly CaseStatus[] = ['closed', 'withdrawn'];

export function isTerminal(status: CaseStatus): boolean {
  return terminalStatuses.includes(status);
}

/** The deadline clock runs only between receipt and decision, and stops while awaiting documents (§51). */
export function clockRunning(status: CaseStatus): boolean {
  return status === 'received' || status === 'in-review' || status === 'pending-approval';
}

function find(from: CaseStatus, to: CaseStatus): Transition | undefined {
  return transitions.find((t) => t.from === from && t.to === to);
}

export function canTransition(from: CaseStatus, to: CaseStatus, role: Role): boolean {
  return find(from, to)?.roles.includes(role) ?? false;
}

export function allowedTransitions(from: CaseStatus, role: Role): CaseStatus[] {
  return transitions.filter((t) => t.from === from && t.roles.includes(role)).map((t) => t.to);
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: 'invalid-transition' | 'role-not-allowed'; message: Bilingual };

/** Tells a transition that never exists (a conflict) from one this role may not make (forbidden). */
export function checkTransition(from: CaseStatus, to: CaseStatus, roles: readonly Role[]): TransitionCheck {
  const t = find(from, to);
  if (!t) {
    return {
      ok: false,
      reason: 'invalid-transition',
      message: { zh: `案件狀態無法由「${from}」變更為「${to}」`, en: `A case cannot go from ${from} to ${to}.` },
    };
  }
  if (!roles.some((r) => t.roles.includes(r))) {
    return {
      ok: false,
      reason: 'role-not-allowed',
      message: { zh: '您的角色無權執行此狀態變更', en: `Your role may not move a case from ${from} to ${to}.` },
    };
  }
  return { ok: true };
}

export const caseStatusLabels: Readonly<Record<CaseStatus, Bilingual>> = {
  draft: { zh: '草稿', en: 'Draft' },
  received: { zh: '已收件', en: 'Received' },
  'awaiting-documents': { zh: '待補正', en: 'Awaiting documents' },
  'in-review': { zh: '審核中', en: 'In review' },
  'pending-approval': { zh: '待核定', en: 'Pending approval' },
  approved: { zh: '已核准', en: 'Approved' },
  rejected: { zh: '已駁回', en: 'Rejected' },
  closed: { zh: '已結案', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
