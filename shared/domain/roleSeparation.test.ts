import { describe, expect, it } from 'vitest';
import { breaksRoleSeparation, holdsCaseRole } from './roleSeparation';

describe('separation of the administrator from case roles', () => {
  it('refuses the administrator together with any case role', () => {
    for (const caseRole of ['clerk', 'field-staff', 'officer', 'supervisor']) {
      expect(breaksRoleSeparation(['admin', caseRole])).toBe(true);
      expect(breaksRoleSeparation([caseRole, 'admin'])).toBe(true);
    }
  });

  it('allows the administrator alone and case roles together', () => {
    expect(breaksRoleSeparation(['admin'])).toBe(false);
    expect(breaksRoleSeparation(['clerk', 'supervisor', 'officer', 'field-staff'])).toBe(false);
    expect(breaksRoleSeparation([])).toBe(false);
  });

  it('tells who works on cases', () => {
    expect(holdsCaseRole(['admin'])).toBe(false);
    expect(holdsCaseRole(['officer'])).toBe(true);
    expect(holdsCaseRole(['a-role-from-a-newer-server'])).toBe(false);
  });
});
