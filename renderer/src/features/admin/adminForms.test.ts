import { describe, expect, it } from 'vitest';
import { ApiError } from '../../sync/api';
import { checkReason, checkStationCode, stationRefusalOf } from './deviceForms';
import { checkNewUser, emptyNewUser, rolesError, userRefusalOf } from './userForms';

describe("the administrator's console forms", () => {
  it('takes a new account with its username lower-cased and its password left to the server when empty', () => {
    expect(checkNewUser({ username: ' Chen.Clerk ', displayName: ' 陳櫃台 ', roles: ['clerk'], password: '' })).toEqual({
      ok: true,
      value: { username: 'chen.clerk', displayName: '陳櫃台', roles: ['clerk'] },
    });
    expect(checkNewUser({ username: 'lin', displayName: 'Lin', roles: ['officer'], password: 'a-long-password-1' })).toMatchObject({ ok: true, value: { password: 'a-long-password-1' } });
  });

  it('marks each bad field with its own words, the administrator with a case role beside the roles', () => {
    expect(checkNewUser(emptyNewUser)).toEqual({ ok: false, errors: { username: 'admin.required', displayName: 'admin.required', roles: 'admin.rolesRequired' } });
    expect(checkNewUser({ username: '-x', displayName: 'X', roles: ['admin', 'supervisor'], password: 'short' })).toEqual({
      ok: false,
      errors: { username: 'admin.badUsername', roles: 'admin.roleSeparation', password: 'admin.passwordTooShort' },
    });
    expect(rolesError(['admin'])).toBeUndefined();
    expect(rolesError(['clerk', 'supervisor'])).toBeUndefined();
    expect(rolesError(['field-staff', 'admin'])).toBe('admin.roleSeparation');
  });

  it("puts the server's refusals beside the field they are about", () => {
    const issue = (path: string) => ({ issues: [{ path, message: 'x' }] });
    expect(userRefusalOf(new ApiError(403, 'role_separation', 'no', issue('roles')))).toEqual({ field: 'roles', key: 'admin.roleSeparation' });
    expect(userRefusalOf(new ApiError(409, 'conflict', 'taken'))).toEqual({ field: 'username', key: 'admin.usernameTaken' });
    expect(userRefusalOf(new ApiError(409, 'conflict', 'last', issue('lastAdmin')))).toEqual({ key: 'admin.lastAdmin' });
    expect(userRefusalOf(new ApiError(400, 'validation_failed', 'bad', issue('password')))).toEqual({ field: 'password', key: 'admin.passwordTooShort' });
    expect(userRefusalOf(new ApiError(403, 'forbidden', 'no'))).toBeUndefined();
    expect(userRefusalOf(new TypeError('Failed to fetch'))).toBeUndefined();
    expect(stationRefusalOf(new ApiError(409, 'conflict', 'taken'))).toEqual({ field: 'stationCode', key: 'admin.stationTaken' });
  });

  it('checks station codes and revocation reasons as the server does', () => {
    expect(checkStationCode(' kl05 ')).toEqual({ ok: true, value: 'KL05' });
    expect(checkStationCode('k')).toEqual({ ok: false, error: 'admin.badStationCode' });
    expect(checkStationCode('')).toEqual({ ok: false, error: 'admin.required' });
    expect(checkReason(' 遺失 ')).toEqual({ ok: true, value: '遺失' });
    expect(checkReason('a\u0000b')).toEqual({ ok: false, error: 'admin.badReason' });
    expect(checkReason('  ')).toEqual({ ok: false, error: 'admin.required' });
  });
});
