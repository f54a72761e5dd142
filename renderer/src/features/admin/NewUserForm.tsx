import { useState, type FormEvent } from 'react';
import type { CreatedUser } from '../../../../shared/schemas/userAdmin';
import { translateBoth, useT, type MessageKey } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import type { ApiOptions } from '../../sync/api';
import { createUser } from './adminApi';
import { RoleChoice } from './RoleChoice';
import { useFormAction } from '../../lib/useFormAction';
import { checkNewUser, emptyNewUser, userRefusalOf, type NewUserFields, type UserFieldErrors } from './userForms';

const words = (key: MessageKey | undefined) => (key ? translateBoth(key) : undefined);

/** Creates an account: username, name, roles (separation checked here and by the server), password or one the server makes. */
export function NewUserForm({ api, onCreated }: { api: ApiOptions; onCreated: (created: CreatedUser) => void }) {
  const t = useT();
  const [fields, setFields] = useState<NewUserFields>(emptyNewUser);
  const [errors, setErrors] = useState<UserFieldErrors>({});
  const { saving, problem, run } = useFormAction(userRefusalOf, (field: keyof NewUserFields, key) => {
    setErrors((current) => ({ ...current, [field]: key }));
    focusFirstError();
  });

  function set<K extends keyof NewUserFields>(field: K) {
    return (value: NewUserFields[K]) => {
      setFields((current) => ({ ...current, [field]: value }));
      setErrors((current) => ({ ...current, [field]: undefined }));
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkNewUser(fields);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError();
      return;
    }
    const done = await run(async () => onCreated(await createUser(api, checked.value)));
    if (done) setFields(emptyNewUser);
  }

  return (
    <form className="new-user" aria-labelledby="new-user-heading" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="new-user-heading">{t('admin.newUser')}</h3>
      <LabelledField id="new-user-username" label={t('admin.username')} hint={t('admin.usernameHint')} value={fields.username} error={words(errors.username)} onChange={set('username')} extra={{ maxLength: 64 }} />
      <LabelledField id="new-user-name" label={t('admin.displayName')} value={fields.displayName} error={words(errors.displayName)} onChange={set('displayName')} extra={{ maxLength: 100 }} />
      <RoleChoice id="new-user-roles" roles={fields.roles} error={words(errors.roles)} onChange={set('roles')} />
      <LabelledField
        id="new-user-password"
        label={t('admin.initialPassword')}
        hint={t('admin.initialPasswordHint')}
        value={fields.password}
        error={words(errors.password)}
        onChange={set('password')}
        extra={{ type: 'password', autoComplete: 'new-password', maxLength: 256 }}
      />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" disabled={saving}>
        {saving ? t('admin.saving') : t('admin.createUser')}
      </button>
    </form>
  );
}

/** The keyboard goes to the first field marked wrong (a role checkbox for the roles). */
function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.new-user [aria-invalid=true], .new-user [data-invalid=true] input')?.focus());
}
