import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitAnswerSchema, unitMemberAnswerSchema, unitsResponseSchema } from '../../../shared/schemas/unit';
import { hashPassword } from '../domain/password';
import { insertUser } from '../store/accountStore';
import { membershipsOf } from '../store/unitStore';
import { errorOf, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe('units and their people', () => {
  let server: TestServer;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer();
    await insertUser(server.db, { username: 'lin.officer', displayName: '林承辦', roles: ['officer'], passwordHash: await hashPassword('lin-officer-2026') });
    for (const [username, password] of [
      ['admin', 'admin-demo-2026'],
      ['clerk', 'clerk-demo-2026'],
      ['officer', 'officer-demo-2026'],
      ['supervisor', 'supervisor-demo-2026'],
    ] as const) {
      tokens.set(username, await server.signIn({ username, password }));
    }
  });
  afterAll(() => server.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    server.app.inject({ method, url, headers: syncHeaders(tokens.get(who) ?? ''), ...(payload === undefined ? {} : { payload: payload as object }) });
  const auditOf = async (action: string) =>
    (await server.db.query<{ user_name: string; details: Record<string, unknown> }>('SELECT user_name, details FROM audit_log WHERE action = $1 ORDER BY seq', [action])).rows;

  it('lists the units and their members, with names, to every signed-in user', async () => {
    const response = await call('clerk', 'GET', '/v1/units');
    expect(response.statusCode).toBe(200);
    const { units, members } = unitsResponseSchema.parse(response.json());
    expect(units.map((unit) => unit.code)).toEqual(['BRANCH1', 'CONSUMPTION', 'LEGAL', 'PROPERTY', 'SERVICE']);
    expect(units.find((unit) => unit.code === 'PROPERTY')).toEqual({ code: 'PROPERTY', nameZh: '財產稅科', nameEn: 'Property Tax Section' });
    expect(members).toContainEqual({ unit: 'PROPERTY', username: 'officer', position: 'officer', displayName: '示範承辦人 / Demo officer' });
    expect(members).toContainEqual(expect.objectContaining({ unit: 'SERVICE', username: 'supervisor', position: 'director' }));
  });

  it('lets the administrator create and rename a unit, each change audited', async () => {
    const created = await call('admin', 'POST', '/v1/admin/units', { code: 'BRANCH2', nameZh: '第二分局', nameEn: 'Second Branch Office' });
    expect(created.statusCode).toBe(201);
    expect(unitAnswerSchema.parse(created.json()).unit.code).toBe('BRANCH2');
    const renamed = await call('admin', 'PATCH', '/v1/admin/units/BRANCH2', { nameZh: '第二分局（七堵）', nameEn: 'Second Branch Office (Qidu)' });
    expect(renamed.statusCode).toBe(200);

    const { rows } = await server.db.query('SELECT code, name_zh, name_en FROM units WHERE code = $1', ['BRANCH2']);
    expect(rows).toEqual([{ code: 'BRANCH2', name_zh: '第二分局（七堵）', name_en: 'Second Branch Office (Qidu)' }]);
    expect(await auditOf('unit.create')).toEqual([{ user_name: 'admin', details: { code: 'BRANCH2', nameZh: '第二分局', nameEn: 'Second Branch Office' } }]);
    expect((await auditOf('unit.rename'))[0]?.details).toMatchObject({ code: 'BRANCH2', fromZh: '第二分局', nameZh: '第二分局（七堵）' });
  });

  it('refuses bad codes and names with 400, a taken code with 409, an unknown unit with 404', async () => {
    for (const code of ['br', 'B', 'BRANCH 3', 'X'.repeat(17), '-AB', '財產']) {
      const response = await call('admin', 'POST', '/v1/admin/units', { code, nameZh: '某科', nameEn: 'Some section' });
      expect(response.statusCode, code).toBe(400);
      expect(errorOf(response).code).toBe('validation_failed');
    }
    expect(errorOf(await call('admin', 'POST', '/v1/admin/units', { code: 'LEGAL2', nameZh: '', nameEn: 'Legal' })).code).toBe('validation_failed');
    expect(errorOf(await call('admin', 'PATCH', '/v1/admin/units/legal', { nameZh: '法務科', nameEn: 'Legal' })).code).toBe('validation_failed');
    expect(errorOf(await call('admin', 'POST', '/v1/admin/units/not-a-code/members', { username: 'officer', position: 'officer' })).code).toBe('validation_failed');
    expect(errorOf(await call('admin', 'POST', '/v1/admin/units', { code: 'LEGAL', nameZh: '法務科', nameEn: 'Legal' })).code).toBe('conflict');
    expect(errorOf(await call('admin', 'PATCH', '/v1/admin/units/NOSUCH', { nameZh: '無', nameEn: 'None' })).code).toBe('not_found');
    const { rows } = await server.db.query("SELECT 1 FROM units WHERE name_en = 'Legal'");
    expect(rows).toEqual([]);
  });

  it('adds and removes positions, and the desk sees them at once', async () => {
    const added = await call('admin', 'POST', '/v1/admin/units/LEGAL/members', { username: 'Lin.Officer', position: 'officer' });
    expect(added.statusCode).toBe(201);
    expect(unitMemberAnswerSchema.parse(added.json())).toEqual({ member: { unit: 'LEGAL', username: 'lin.officer', position: 'officer' }, added: true });
    expect(await membershipsOf(server.db, 'lin.officer')).toEqual([{ unit: 'LEGAL', position: 'officer' }]);
    // The same position again changes nothing and is not audited twice.
    const again = await call('admin', 'POST', '/v1/admin/units/LEGAL/members', { username: 'lin.officer', position: 'officer' });
    expect(again.statusCode).toBe(200);
    expect(unitMemberAnswerSchema.parse(again.json()).added).toBe(false);
    expect(await auditOf('unit.member-add')).toEqual([{ user_name: 'admin', details: { unit: 'LEGAL', username: 'lin.officer', position: 'officer' } }]);

    const removed = await call('admin', 'DELETE', '/v1/admin/units/LEGAL/members/lin.officer/officer');
    expect(removed.statusCode).toBe(200);
    expect(await membershipsOf(server.db, 'lin.officer')).toEqual([]);
    expect(await auditOf('unit.member-remove')).toHaveLength(1);
    expect(errorOf(await call('admin', 'DELETE', '/v1/admin/units/LEGAL/members/lin.officer/officer')).code).toBe('not_found');
  });

  it('refuses a position the person’s roles make meaningless, an unknown person and an unknown unit', async () => {
    const chief = await call('admin', 'POST', '/v1/admin/units/LEGAL/members', { username: 'lin.officer', position: 'chief' });
    expect(chief.statusCode).toBe(400);
    expect(errorOf(chief).message).toMatch(/supervisor role/);
    expect(errorOf(await call('admin', 'POST', '/v1/admin/units/LEGAL/members', { username: 'clerk', position: 'officer' })).code).toBe('validation_failed');
    expect(errorOf(await call('admin', 'POST', '/v1/admin/units/LEGAL/members', { username: 'nobody', position: 'officer' })).code).toBe('not_found');
    expect(errorOf(await call('admin', 'POST', '/v1/admin/units/NOSUCH/members', { username: 'officer', position: 'officer' })).code).toBe('not_found');
    expect(errorOf(await call('admin', 'POST', '/v1/admin/units/LEGAL/members', { username: 'officer', position: 'boss' })).code).toBe('validation_failed');
    expect(await membershipsOf(server.db, 'clerk')).toEqual([]);
  });

  it('refuses every change to a clerk, an officer and a supervisor', async () => {
    for (const who of ['clerk', 'officer', 'supervisor']) {
      expect(errorOf(await call(who, 'POST', '/v1/admin/units', { code: 'ROGUE', nameZh: '私設', nameEn: 'Rogue' })).code, who).toBe('forbidden');
      expect(errorOf(await call(who, 'PATCH', '/v1/admin/units/PROPERTY', { nameZh: '改名', nameEn: 'Renamed' })).code, who).toBe('forbidden');
      expect(errorOf(await call(who, 'POST', '/v1/admin/units/PROPERTY/members', { username: who, position: 'chief' })).code, who).toBe('forbidden');
      expect(errorOf(await call(who, 'DELETE', '/v1/admin/units/PROPERTY/members/officer/officer')).code, who).toBe('forbidden');
    }
    const { rows } = await server.db.query<{ name_zh: string }>("SELECT name_zh FROM units WHERE code = 'PROPERTY'");
    expect(rows[0]?.name_zh).toBe('財產稅科');
    expect(await membershipsOf(server.db, 'officer')).toContainEqual({ unit: 'PROPERTY', position: 'officer' });
    expect((await server.db.query("SELECT 1 FROM units WHERE code = 'ROGUE'")).rows).toEqual([]);
  });
});
