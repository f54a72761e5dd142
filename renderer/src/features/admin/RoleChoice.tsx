import { roleSchema, type Role } from '../../../../shared/schemas/auth';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { FieldError } from '../../lib/FieldError';
import { useT } from '../../lib/i18n';

/** The roles of an account as checkboxes in one group, with the group's error beside it in both languages. */
export function RoleChoice({ id, roles, error, onChange }: { id: string; roles: readonly Role[]; error: Bilingual | undefined; onChange: (roles: Role[]) => void }) {
  const t = useT();
  const toggle = (role: Role, on: boolean) => onChange(on ? [...roles, role] : roles.filter((held) => held !== role));
  return (
    <fieldset className="role-choice" id={id} data-invalid={error ? true : undefined} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{t('admin.roles')}</legend>
      <span id={`${id}-hint`} className="hint small">
        {t('admin.rolesHint')}
      </span>
      {roleSchema.options.map((role) => (
        <label key={role} className="checkbox">
          <input type="checkbox" checked={roles.includes(role)} onChange={(event) => toggle(role, event.target.checked)} /> {t(`admin.role.${role}`)}
        </label>
      ))}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
