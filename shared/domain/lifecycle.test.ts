import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleSchema } from '../schemas/auth';
import type { Role } from '../schemas/auth';
import { caseStatuses } from '../schemas/case';
import type { CaseStatus } from '../schemas/case';
import { allowedTransitions, canTransition, caseStatusLabels, checkTransition, clockRunning, isTerminal, transitions } from './lifecycle';
import { must } from './fixtures/must';

const roles = roleSchema.options;

describe('case lifecycle', () => {
  it('follows the architecture path for a supervisor', () => {
    const path: CaseStatus[] = ['draft', 'received', 'awaiting-documents', 'received', 'in-review', 'pending-approval', 'approved', 'closed'];
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(must(path[i]), must(path[i + 1]), 'supervisor')).toBe(true);
    expect(canTransition('pending-approval', 'rejected', 'supervisor')).toBe(true);
    expect(canTransition('rejected', 'closed', 'clerk')).toBe(true);
  });

  it('leaves decisions to supervisors', () => {
    for (const role of ['clerk', 'field-staff', 'officer', 'admin'] as Role[]) {
      expect(canTransition('pending-approval', 'approved', role)).toBe(false);
      expect(canTransition('pending-approval', 'rejected', role)).toBe(false);
    }
    expect(allowedTransitions('pending-approval', 'clerk')).toEqual(['withdrawn']);
  });

  it('lets field staff take in, complete same-day services and withdraw, but not review', () => {
    expect(allowedTransitions('draft', 'field-staff')).toEqual(['received']);
    expect(allowedTransitions('received', 'field-staff').sort()).toEqual(['awaiting-documents', 'closed', 'withdrawn']);
    expect(canTransition('received', 'in-review', 'field-staff')).toBe(false);
  });

  it('leaves review to officers (and supervisors), not to the counter', () => {
    expect(canTransition('received', 'in-review', 'officer')).toBe(true);
    expect(canTransition('received', 'in-review', 'clerk')).toBe(false);
    expect(canTransition('in-review', 'pending-approval', 'clerk')).toBe(false);
    expect(canTransition('pending-approval', 'approved', 'officer')).toBe(false);
    expect(canTransition('approved', 'closed', 'officer')).toBe(true);
  });

  it('gives admins no case transitions', () => {
    for (const s of caseStatuses) expect(allowedTransitions(s, 'admin')).toEqual([]);
  });

  it('makes closed and withdrawn final, and skips nothing', () => {
    for (const role of roles) {
      expect(allowedTransitions('closed', role)).toEqual([]);
      expect(allowedTransitions('withdrawn', role)).toEqual([]);
    }
    expect(isTerminal('closed') && isTerminal('withdrawn') && !isTerminal('approved')).toBe(true);
    expect(canTransition('draft', 'approved', 'supervisor')).toBe(false);
    expect(canTransition('received', 'approved', 'supervisor')).toBe(false);
    expect(canTransition('awaiting-documents', 'closed', 'clerk')).toBe(false);
    expect(canTransition('draft', 'withdrawn', 'clerk')).toBe(false);
  });

  it('every status is reachable from draft and every non-final status can reach a final one', () => {
    const reach = (start: CaseStatus) => {
      const seen = new Set<CaseStatus>([start]);
      const todo = [start];
      while (todo.length) {
        const s = must(todo.pop());
        for (const t of transitions) {
          if (t.from === s && !seen.has(t.to)) {
            seen.add(t.to);
            todo.push(t.to);
          }
        }
      }
      return seen;
    };
    expect([...reach('draft')].sort()).toEqual([...caseStatuses].sort());
    for (const s of caseStatuses) expect([...reach(s)].some(isTerminal)).toBe(true);
  });

  it('canTransition, allowedTransitions and checkTransition agree', () => {
    fc.assert(
      fc.property(fc.constantFrom(...caseStatuses), fc.constantFrom(...caseStatuses), fc.constantFrom(...roles), (from, to, role) => {
        const can = canTransition(from, to, role);
        expect(allowedTransitions(from, role).includes(to)).toBe(can);
        const check = checkTransition(from, to, [role]);
        expect(check.ok).toBe(can);
        if (!check.ok) {
          const exists = transitions.some((t) => t.from === from && t.to === to);
          expect(check.reason).toBe(exists ? 'role-not-allowed' : 'invalid-transition');
        }
      }),
    );
  });

  it('the clock runs only while the bureau holds the case', () => {
    expect(caseStatuses.filter(clockRunning)).toEqual(['received', 'in-review', 'pending-approval']);
    for (const s of caseStatuses) expect(caseStatusLabels[s].zh).not.toBe('');
  });
});
