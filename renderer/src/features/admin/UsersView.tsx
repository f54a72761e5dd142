import { useState } from 'react';
import type { UserSummary } from '../../../../shared/schemas/auth';
import { useT } from '../../lib/i18n';
import type { ApiOptions } from '../../sync/api';
import { fetchUsers } from '../units/unitsApi';
import { NewUserForm } from './NewUserForm';
import { OneTimeSecret } from './OneTimeSecret';
import { ServerQueryState } from './ServerQueryState';
import { knownRolesOf, UserPanel } from './UserPanel';
import { useServerQuery } from './useServerQuery';

/**
 * 帳號與角色 Users and roles: the administrator's home. Every account with its roles and state; a new
 * account; an account's roles, disabling, and a new password. The administrator never holds a case
 * role, nor gives one with the administrator's (docs/decisions/0035-administrators-console.md).
 */
export function UsersView({ api }: { api: ApiOptions }) {
  const t = useT();
  const query = useServerQuery(api, fetchUsers);
  const [selected, setSelected] = useState<string>();
  const [messages, setMessages] = useState<string[]>([]);
  const [secret, setSecret] = useState<{ username: string; password: string }>();

  const say = (message: string) => setMessages((current) => [message, ...current].slice(0, 5));
  const changed = (message: string) => {
    say(message);
    void query.reload();
  };
  const users = query.data ?? [];
  const open = users.find((user) => user.username === selected);
  const rolesIn = (user: UserSummary) => knownRolesOf(user).map((role) => t(`admin.role.${role}`)).join('、');

  return (
    <section className="admin-users" aria-labelledby="admin-users-heading" aria-busy={query.loading}>
      <h2 id="admin-users-heading">{t('admin.usersTab')}</h2>
      <p>{t('admin.usersIntro')}</p>
      <ServerQueryState query={query} />
      <div role="status" aria-live="polite">
        {messages.map((message, index) => (
          <p key={`${index}-${message}`}>{message}</p>
        ))}
      </div>
      {secret && (
        <OneTimeSecret title={t('admin.passwordFor', { user: secret.username })} value={secret.password} note={t('admin.passwordOnce')} onDone={() => setSecret(undefined)} />
      )}
      <table className="report-table">
        <caption>{t('admin.userList')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.displayName')}</th>
            <th scope="col">{t('admin.username')}</th>
            <th scope="col">{t('admin.roles')}</th>
            <th scope="col">{t('admin.state')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.username} aria-current={user.username === selected ? 'true' : undefined}>
              <th scope="row">{user.displayName}</th>
              <td>{user.username}</td>
              <td>{rolesIn(user)}</td>
              <td>{t(user.disabled ? 'admin.stateDisabled' : 'admin.stateActive')}</td>
              <td>
                <button type="button" onClick={() => setSelected(user.username)}>
                  {t('admin.manageUser', { user: user.displayName })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <UserPanel key={`${open.username}-${open.roles.join()}-${String(open.disabled)}`} api={api} user={open} onChanged={changed} onPassword={(username, password) => setSecret({ username, password })} />}
      <NewUserForm
        api={api}
        onCreated={(created) => {
          if (created.password) setSecret({ username: created.username, password: created.password });
          changed(t('admin.userCreated', { user: created.username }));
        }}
      />
    </section>
  );
}
