import { useEffect, useRef, useState, type FormEvent } from 'react';
import { roleSchema, type Role, type UserSummary } from '../../../../shared/schemas/auth';
import { translateBoth, useT, type MessageKey } from '../../lib/i18n';
import type { ApiOptions } from '../../sync/api';
import { changeRoles, resetPassword, setDisabled } from './adminApi';
import { RoleChoice } from './RoleChoice';
import { useFormAction } from '../../lib/useFormAction';
import { rolesError, userRefusalOf } from './userForms';

/** The roles this app knows, from an account's list (a role a newer server wrote is left out). */
export function knownRolesOf(user: UserSummary): Role[] {
  return user.roles.flatMap((role) => {
    const parsed = roleSchema.safeParse(role);
    return parsed.success ? [parsed.data] : [];
  });
}

interface UserPanelProps {
  api: ApiOptions;
  user: UserSummary;
  /** After a change: what to tell the administrator; the screen reloads the list. */
  onChanged: (message: string) => void;
  /** A password the server made, to show once. */
  onPassword: (username: string, password: string) => void;
}

/** One account: its roles, disabling or enabling it, and a new password made by the server. */
export function UserPanel({ api, user, onChanged, onPassword }: UserPanelProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [roles, setRoles] = useState<Role[]>(() => knownRolesOf(user));
  const [roleError, setRoleError] = useState<MessageKey>();
  const { saving, problem, run } = useFormAction(userRefusalOf, (_field, key) => setRoleError(key));
  const name = user.displayName;

  // Opening an account takes the keyboard to it.
  useEffect(() => heading.current?.focus(), [user.username]);

  async function saveRoles(event: FormEvent) {
    event.preventDefault();
    const error = rolesError(roles);
    setRoleError(error);
    if (error) return;
    await run(async () => {
      await changeRoles(api, user.username, roles);
      onChanged(t('admin.rolesChanged', { user: name, roles: roles.map((role) => t(`admin.role.${role}`)).join('、') }));
    });
  }

  const toggleDisabled = () =>
    run(async () => {
      await setDisabled(api, user.username, !user.disabled);
      onChanged(t(user.disabled ? 'admin.enabled' : 'admin.disabled', { user: name }));
    });

  const newPassword = () =>
    run(async () => {
      const password = await resetPassword(api, user.username);
      if (password) onPassword(user.username, password);
      onChanged(t('admin.passwordReset', { user: name }));
    });

  return (
    <section className="user-panel" aria-labelledby="user-panel-heading">
      <h3 id="user-panel-heading" ref={heading} tabIndex={-1}>
        {t('admin.userTitle', { user: name, username: user.username })}
      </h3>
      <form aria-labelledby="user-roles-heading" onSubmit={(event) => void saveRoles(event)} noValidate>
        <h4 id="user-roles-heading">{t('admin.changeRoles')}</h4>
        <RoleChoice
          id="user-roles"
          roles={roles}
          error={roleError ? translateBoth(roleError) : undefined}
          onChange={(next) => {
            setRoles(next);
            setRoleError(undefined);
          }}
        />
        <p className="hint small">{t('admin.rolesEndSessions')}</p>
        <button type="submit" disabled={saving}>
          {saving ? t('admin.saving') : t('admin.saveRoles')}
        </button>
      </form>
      <p>
        <button type="button" disabled={saving} onClick={() => void toggleDisabled()}>
          {t(user.disabled ? 'admin.enable' : 'admin.disable', { user: name })}
        </button>{' '}
        <button type="button" disabled={saving} onClick={() => void newPassword()}>
          {t('admin.resetPassword', { user: name })}
        </button>
      </p>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
