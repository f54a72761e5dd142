/**
 * The case lifecycle as a pure state machine (ARCHITECTURE.md, enforced by the server):
 *
 *   draft → received → (awaiting-documents ⇄ received) → in-review → pending-approval → approved | rejected → closed
 *   plus withdrawn, from any open state after receipt.
 *
 * Additions, recorded here because the architecture is silent on them: a review can find a missing
 * document (in-review → awaiting-documents, then back through received), and a supervisor can return
 * a case to review (pending-approval → in-review). Only a supervisor decides (approve, reject, return).
 * Admins run the system and hold no case transitions: separation of duties.
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
const OFFICE: readonly Role[] = ['clerk', 'supervisor'];
const DECIDE: readonly Role[] = ['supervisor'];

export const transitions: ReadonlyArray<Transition> = [
  { from: 'draft', to: 'received', roles: INTAKE },
  { from: 'received', to: 'awaiting-documents', roles: INTAKE },
  { from: 'awaiting-documents', to: 'received', roles: INTAKE },
  { from: 'received', to: 'in-review', roles: OFFICE },
  { from: 'in-review', to: 'awaiting-documents', roles: OFFICE },
  { from: 'in-review', to: 'pending-approval', roles: OFFICE },
  { from: 'pending-approval', to: 'in-review', roles: DECIDE },
  { from: 'pending-approval', to: 'approved', roles: DECIDE },
  { from: 'pending-approval', to: 'rejected', roles: DECIDE },
  { from: 'approved', to: 'closed', roles: OFFICE },
  { from: 'rejected', to: 'closed', roles: OFFICE },
  { from: 'received', to: 'withdrawn', roles: INTAKE },
  { from: 'awaiting-documents', to: 'withdrawn', roles: INTAKE },
  { from: 'in-review', to: 'withdrawn', roles: OFFICE },
  { from: 'pending-approval', to: 'withdrawn', roles: OFFICE },
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
