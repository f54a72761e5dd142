import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../../../../shared/schemas/auth';
import { ApiError } from '../../sync/api';
import { checkMember, checkNames, checkUnit, refusalOf } from './unitForms';

const users: UserSummary[] = [
  { username: 'lin', displayName: '林承辦', roles: ['officer'], disabled: false },
  { username: 'wang', displayName: '王科長', roles: ['supervisor'], disabled: false },
  { username: 'gone', displayName: '離職', roles: ['officer'], disabled: true },
];

describe('the units screen forms', () => {
  it('takes a new unit with its code upper-cased and its names trimmed', () => {
    expect(checkUnit({ code: ' branch2 ', nameZh: ' 第二分局 ', nameEn: 'Second Branch Office' })).toEqual({
      ok: true,
      value: { code: 'BRANCH2', nameZh: '第二分局', nameEn: 'Second Branch Office' },
    });
  });

  it('marks each bad field of a unit with its own words', () => {
    expect(checkUnit({ code: '', nameZh: '', nameEn: '' })).toEqual({ ok: false, errors: { code: 'unit.required', nameZh: 'unit.required', nameEn: 'unit.required' } });
    expect(checkUnit({ code: 'B', nameZh: '科'.repeat(61), nameEn: 'x' })).toEqual({ ok: false, errors: { code: 'unit.badCode', nameZh: 'unit.tooLong' } });
    expect(checkUnit({ code: '財產', nameZh: '財產', nameEn: 'Property' })).toEqual({ ok: false, errors: { code: 'unit.badCode' } });
    expect(checkNames({ nameZh: '法務科', nameEn: ' ' })).toEqual({ ok: false, errors: { nameEn: 'unit.required' } });
  });

  it('takes a position for a known person whose roles allow it, and refuses others beside the field', () => {
    expect(checkMember({ username: ' LIN ', position: 'officer' }, users)).toEqual({ ok: true, value: { username: 'lin', position: 'officer' } });
    expect(checkMember({ username: 'lin', position: 'chief' }, users)).toEqual({ ok: false, errors: { position: 'unit.needsSupervisorRole' } });
    expect(checkMember({ username: 'wang', position: 'officer' }, users)).toEqual({ ok: false, errors: { position: 'unit.needsOfficerRole' } });
    expect(checkMember({ username: 'nobody', position: 'officer' }, users)).toEqual({ ok: false, errors: { username: 'unit.noSuchUser' } });
    expect(checkMember({ username: 'gone', position: 'officer' }, users)).toEqual({ ok: false, errors: { username: 'unit.noSuchUser' } });
    expect(checkMember({ username: '', position: 'officer' }, users)).toEqual({ ok: false, errors: { username: 'unit.required' } });
    // Without the account list (not loaded yet) the server is left to judge.
    expect(checkMember({ username: 'nobody', position: 'director' }, undefined)).toEqual({ ok: true, value: { username: 'nobody', position: 'director' } });
  });

  it("puts the server's refusals beside the field they are about", () => {
    const issue = (path: string) => ({ issues: [{ path, message: 'x' }] });
    expect(refusalOf(new ApiError(409, 'conflict', 'taken', issue('code')))).toEqual({ field: 'code', key: 'unit.codeTaken' });
    expect(refusalOf(new ApiError(404, 'not_found', 'no user', issue('username')))).toEqual({ field: 'username', key: 'unit.noSuchUser' });
    expect(refusalOf(new ApiError(404, 'not_found', 'no unit', issue('unit')))).toEqual({ key: 'unit.noSuchUnit' });
    expect(refusalOf(new ApiError(400, 'validation_failed', 'role', issue('position')), 'chief')).toEqual({ field: 'position', key: 'unit.needsSupervisorRole' });
    expect(refusalOf(new ApiError(400, 'validation_failed', 'bad', issue('nameEn')))).toEqual({ field: 'nameEn', key: 'unit.tooLong' });
    expect(refusalOf(new ApiError(403, 'forbidden', 'no'))).toBeUndefined();
    expect(refusalOf(new TypeError('Failed to fetch'))).toBeUndefined();
  });
});
