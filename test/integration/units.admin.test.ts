import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUnitMember, createUnit, fetchUnits, fetchUsers, removeUnitMember, renameUnit } from '../../renderer/src/features/units/unitsApi';
import { checkMember, refusalOf } from '../../renderer/src/features/units/unitForms';
import type { ApiOptions } from '../../renderer/src/sync/api';
import { hashPassword } from '../../server/src/domain/password';
import { insertUser } from '../../server/src/store/accountStore';
import { membershipsOf } from '../../server/src/store/unitStore';
import { startTestServer, syncHeaders } from '../../server/src/testing/testServer';
import type { TestServer } from '../../server/src/testing/testServer';

/**
 * The units screen's data flow against a real server over HTTP: what the screen loads, the changes it
 * sends, and how the server's refusals come back to the field they are about.
 */
describe('the units screen against the server', () => {
  let server: TestServer;
  let admin: ApiOptions;
  let clerk: ApiOptions;

  beforeAll(async () => {
    server = await startTestServer();
    await insertUser(server.db, { username: 'chen', displayName: '陳承辦', roles: ['officer'], passwordHash: await hashPassword('chen-officer-2026') });
    const serverUrl = (await server.app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
    const as = async (username: string, password: string) => {
      const token = await server.signIn({ username, password });
      return { serverUrl, token, headers: syncHeaders(token) };
    };
    admin = await as('admin', 'admin-demo-2026');
    clerk = await as('clerk', 'clerk-demo-2026');
  });
  afterAll(() => server.close());

  it('loads the units, their people and the accounts; adds, renames and staffs a unit', async () => {
    const { units, members } = await fetchUnits(admin);
    expect(units).toHaveLength(5);
    expect(members.some((member) => member.username === 'officer' && member.displayName === '示範承辦人 / Demo officer')).toBe(true);
    const users = await fetchUsers(admin);
    expect(users.map((user) => user.username)).toContain('chen');

    expect(await createUnit(admin, { code: 'BRANCH2', nameZh: '第二分局', nameEn: 'Second Branch Office' })).toMatchObject({ code: 'BRANCH2' });
    await renameUnit(admin, 'BRANCH2', { nameZh: '七堵分局', nameEn: 'Qidu Branch Office' });
    const checked = checkMember({ username: 'Chen', position: 'officer' }, users);
    if (!checked.ok) throw new Error('chen may be an officer');
    expect(await addUnitMember(admin, 'BRANCH2', checked.value)).toEqual({ member: { unit: 'BRANCH2', username: 'chen', position: 'officer' }, added: true });
    expect(await membershipsOf(server.db, 'chen')).toEqual([{ unit: 'BRANCH2', position: 'officer' }]);
    expect((await fetchUnits(clerk)).units.find((unit) => unit.code === 'BRANCH2')).toEqual({ code: 'BRANCH2', nameZh: '七堵分局', nameEn: 'Qidu Branch Office' });

    await removeUnitMember(admin, 'BRANCH2', { username: 'chen', position: 'officer' });
    expect(await membershipsOf(server.db, 'chen')).toEqual([]);
  });

  it("brings the server's refusals back beside their field", async () => {
    const refused = async (work: Promise<unknown>, position?: 'officer' | 'chief' | 'director') => {
      try {
        await work;
      } catch (error) {
        return refusalOf(error, position);
      }
      throw new Error('expected a refusal');
    };
    expect(await refused(createUnit(admin, { code: 'LEGAL', nameZh: '法務科', nameEn: 'Legal' }))).toEqual({ field: 'code', key: 'unit.codeTaken' });
    expect(await refused(addUnitMember(admin, 'LEGAL', { username: 'nobody', position: 'officer' }))).toEqual({ field: 'username', key: 'unit.noSuchUser' });
    expect(await refused(addUnitMember(admin, 'LEGAL', { username: 'chen', position: 'chief' }), 'chief')).toEqual({ field: 'position', key: 'unit.needsSupervisorRole' });
    expect(await refused(renameUnit(admin, 'GONE', { nameZh: '無', nameEn: 'None' }))).toEqual({ key: 'unit.noSuchUnit' });
    // A clerk's attempt is refused outright: not about a field, worded as any refusal.
    expect(await refused(createUnit(clerk, { code: 'ROGUE', nameZh: '私設', nameEn: 'Rogue' }))).toBeUndefined();
    expect((await fetchUnits(admin)).units.map((unit) => unit.code)).not.toContain('ROGUE');
  });
});
