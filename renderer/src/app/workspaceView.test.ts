import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/auth';
import { homeTab, tabsFor } from './workspaceView';

const tabs = (roles: Role[]) => tabsFor(roles).map((entry) => entry.tab);
const CASE_SCREENS = ['intake', 'desk', 'supervisor', 'visits', 'lane', 'cases', 'lookup', 'reports', 'ratings'];

describe('each role in the workspace', () => {
  it('lands on its own home after sign-in', () => {
    expect(homeTab(['clerk'])).toBe('intake');
    expect(homeTab(['officer'])).toBe('desk');
    expect(homeTab(['supervisor'])).toBe('supervisor');
    expect(homeTab(['field-staff'])).toBe('visits');
    expect(homeTab(['admin'])).toBe('users');
  });

  it('sees only what it may do', () => {
    expect(tabs(['officer'])).toEqual(['desk', 'cases', 'lookup', 'printers']);
    expect(tabs(['clerk'])).not.toContain('desk');
    expect(tabs(['clerk'])).toEqual(['intake', 'lane', 'cases', 'lookup', 'printers']);
    expect(tabs(['field-staff'])).toEqual(['intake', 'visits', 'cases', 'lookup', 'printers']);
    expect(tabs(['admin']).filter((tab) => CASE_SCREENS.includes(tab))).toEqual([]);
    expect(tabs(['admin'])).toEqual(['users', 'devices', 'units', 'audit', 'health', 'printers']);
    expect(tabs(['supervisor'])).toEqual(['intake', 'desk', 'supervisor', 'visits', 'lane', 'cases', 'lookup', 'reports', 'ratings', 'counters', 'catalogue', 'printers']);
  });

  it('opens each tab with its own Alt key, none taken by a screen', () => {
    // Alt keys the screens use themselves: back, notice, print, save, returning applicant, lock, customer
    // display, download the plan, intake of a visit, scan folder, the lane's next car and its timer, review choices,
    // done on the spot, and the decision notice.
    const screenKeys = ['b', 'd', 'p', 's', 'r', 'q', 'k', 'g', 'i', 'm', 'a', 't', 'o', 'y', 'f', 'j'];
    // No account holds admin with a case role (shared/domain/roleSeparation.ts), so the keys must be
    // unique among the tabs one person can see: every case role at once, or the administrator's.
    for (const person of [['clerk', 'field-staff', 'officer', 'supervisor'], ['admin']] satisfies Role[][]) {
      const keys = tabsFor(person).flatMap((entry) => (entry.key === undefined ? [] : [entry.key]));
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.filter((key) => screenKeys.includes(key))).toEqual([]);
    }
  });
});
