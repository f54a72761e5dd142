import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createdUserSchema, passwordResetAnswerSchema, userChangeAnswerSchema } from '../../../shared/schemas/userAdmin';
import { verifyPassword } from '../domain/password';
import { findUserByUsername } from '../store/accountStore';
import { deviceHeaders, errorOf, otherDevice, startTestServer, syncHeaders } from '../testing/testServer';
import type { TestServer } from '../testing/testServer';

describe("the administrator's user accounts", () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.signIn({ username: 'admin', password: 'admin-demo-2026' });
  });
  afterAll(() => server.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object, token = admin) =>
    server.app.inject({ method, url, headers: syncHeaders(token), ...(payload ? { payload } : {}) });
  const auditOf = async (action: string) =>
    (await server.db.query<{ user_name: string; details: Record<string, unknown> }>('SELECT user_name, details FROM audit_log WHERE action = $1 ORDER BY seq', [action])).rows;

  it('refuses an account holding the administrator with a case role, beside the roles field, and stores nothing', async () => {
    for (const caseRole of ['clerk', 'field-staff', 'officer', 'supervisor']) {
      const response = await call('POST', '/v1/admin/users', { username: `mixed-${caseRole}`, displayName: 'Mixed', roles: ['admin', caseRole], password: 'a-long-password-123' });
      expect(response.statusCode, caseRole).toBe(403);
      expect(errorOf(response)).toMatchObject({ code: 'role_separation', issues: [{ path: 'roles' }] });
      expect(await findUserByUsername(server.db, `mixed-${caseRole}`)).toBeUndefined();
    }
  });

  it('creates an account with a password it makes, shown once and stored only as a hash, and audits it', async () => {
    const response = await call('POST', '/v1/admin/users', { username: 'Chen.Clerk', displayName: '陳櫃台', roles: ['clerk', 'clerk'] });
    expect(response.statusCode).toBe(201);
    const created = createdUserSchema.parse(response.json());
    expect(created).toMatchObject({ username: 'chen.clerk', roles: ['clerk'] });
    const stored = await findUserByUsername(server.db, 'chen.clerk');
    expect(await verifyPassword(stored?.passwordHash, created.password ?? '')).toBe(true);
    expect(stored?.passwordHash).not.toContain(created.password);
    expect(await auditOf('user.create')).toContainEqual({ user_name: 'admin', details: { username: 'chen.clerk', roles: 'clerk', passwordGenerated: true } });
    expect((await server.signIn({ username: 'chen.clerk', password: created.password ?? '' })).length).toBeGreaterThan(20);
  });

  it('changes roles (never into a mix), ending the sessions, and audits from and to', async () => {
    await resetTo('chen.clerk', 'chen-password-2026');
    const session = await server.signIn({ username: 'chen.clerk', password: 'chen-password-2026' });
    const mixed = await call('POST', '/v1/admin/users/chen.clerk/roles', { roles: ['clerk', 'admin'] });
    expect(errorOf(mixed)).toMatchObject({ code: 'role_separation', issues: [{ path: 'roles' }] });
    expect((await findUserByUsername(server.db, 'chen.clerk'))?.roles).toEqual(['clerk']);

    const changed = await call('POST', '/v1/admin/users/chen.clerk/roles', { roles: ['officer', 'clerk'] });
    expect(changed.statusCode).toBe(200);
    expect(userChangeAnswerSchema.parse(changed.json())).toEqual({ username: 'chen.clerk', roles: ['officer', 'clerk'], disabled: false, endedSessions: 1 });
    expect((await call('GET', '/v1/sync/pull?cursor=0', undefined, session)).statusCode).toBe(401);
    expect(await auditOf('user.roles')).toEqual([{ user_name: 'admin', details: { username: 'chen.clerk', from: 'clerk', to: 'officer,clerk' } }]);
    expect(errorOf(await call('POST', '/v1/admin/users/nobody/roles', { roles: ['clerk'] })).code).toBe('not_found');
    expect(errorOf(await call('POST', '/v1/admin/users/chen.clerk/roles', { roles: ['boss'] })).code).toBe('validation_failed');
    expect(errorOf(await call('POST', '/v1/admin/users/chen.clerk/roles', { roles: [] })).code).toBe('validation_failed');
  });

  async function resetTo(username: string, password: string): Promise<string | undefined> {
    const response = await call('POST', `/v1/admin/users/${username}/reset-password`, { password });
    expect(response.statusCode).toBe(200);
    return passwordResetAnswerSchema.parse(response.json()).password;
  }

  it('resets a password to one it makes when none is given, once', async () => {
    const response = await call('POST', '/v1/admin/users/chen.clerk/reset-password', {});
    const answer = passwordResetAnswerSchema.parse(response.json());
    expect(answer.password).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(await verifyPassword((await findUserByUsername(server.db, 'chen.clerk'))?.passwordHash, answer.password ?? '')).toBe(true);
    expect(await auditOf('user.reset-password')).toContainEqual({ user_name: 'admin', details: { username: 'chen.clerk', passwordGenerated: true } });
  });

  it('disables an account (its sessions end, sign-in is refused) and enables it again, audited', async () => {
    await resetTo('chen.clerk', 'chen-password-2026');
    const session = await server.signIn({ username: 'chen.clerk', password: 'chen-password-2026' });
    const disabled = await call('POST', '/v1/admin/users/chen.clerk/disable');
    expect(userChangeAnswerSchema.parse(disabled.json())).toMatchObject({ disabled: true, endedSessions: 1 });
    expect((await call('GET', '/v1/sync/pull?cursor=0', undefined, session)).statusCode).toBe(401);
    await expect(server.signIn({ username: 'chen.clerk', password: 'chen-password-2026' })).rejects.toThrow(/401/);
    expect((await call('GET', '/v1/admin/users')).json()).toMatchObject({ users: expect.arrayContaining([expect.objectContaining({ username: 'chen.clerk', disabled: true })]) });

    expect(userChangeAnswerSchema.parse((await call('POST', '/v1/admin/users/chen.clerk/enable')).json())).toMatchObject({ disabled: false });
    expect((await server.signIn({ username: 'chen.clerk', password: 'chen-password-2026' })).length).toBeGreaterThan(20);
    expect((await auditOf('user.disable')).length).toBe(1);
    expect((await auditOf('user.enable')).length).toBe(1);
  });

  it('keeps the last active administrator: it cannot be disabled or lose the role', async () => {
    expect(errorOf(await call('POST', '/v1/admin/users/admin/disable'))).toMatchObject({ code: 'conflict' });
    expect(errorOf(await call('POST', '/v1/admin/users/admin/roles', { roles: ['clerk'] }))).toMatchObject({ code: 'conflict' });
    expect((await findUserByUsername(server.db, 'admin'))?.disabled).toBe(false);
  });

  it('lets no other role manage accounts', async () => {
    const supervisor = await server.signIn({ username: 'supervisor', password: 'supervisor-demo-2026' });
    for (const [method, url] of [['GET', '/v1/admin/users'], ['POST', '/v1/admin/users/clerk/disable'], ['POST', '/v1/admin/users/clerk/roles']] as const) {
      expect(errorOf(await call(method, url, method === 'POST' ? { roles: ['supervisor'] } : undefined, supervisor)).code).toBe('forbidden');
    }
    expect((await findUserByUsername(server.db, 'clerk'))?.disabled).toBe(false);
  });

  it('refuses sign-in and every request of an account already holding both, until its roles are separated', async () => {
    const clerk = await server.signIn({ username: 'clerk', password: 'clerk-demo-2026', deviceId: otherDevice.id });
    await server.db.query("UPDATE users SET roles = '{clerk,admin}' WHERE username = 'clerk'");
    const refused = await call('GET', '/v1/sync/pull?cursor=0', undefined, clerk);
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('role_separation');
    const signIn = await server.app.inject({ method: 'POST', url: '/v1/auth/sign-in', headers: deviceHeaders(), payload: { username: 'clerk', password: 'clerk-demo-2026', deviceId: 'demo-counter-01' } });
    expect(errorOf(signIn).code).toBe('role_separation');
    // A wrong password still hears only "wrong username or password".
    const wrong = await server.app.inject({ method: 'POST', url: '/v1/auth/sign-in', headers: deviceHeaders(), payload: { username: 'clerk', password: 'not-the-password', deviceId: 'demo-counter-01' } });
    expect(errorOf(wrong).code).toBe('unauthorized');

    expect((await call('POST', '/v1/admin/users/clerk/roles', { roles: ['clerk'] })).statusCode).toBe(200);
    expect((await server.signIn({ username: 'clerk', password: 'clerk-demo-2026' })).length).toBeGreaterThan(20);
  });
});
