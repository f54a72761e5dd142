import { useState, type FormEvent } from 'react';
import type { UserSummary } from '../../../../shared/schemas/auth';
import { positionSchema, type Position, type Unit } from '../../../../shared/schemas/unit';
import { useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import type { ApiOptions } from '../../sync/api';
import { checkMember, errorWords, refusalOf, type FieldErrors, type MemberFields } from './unitForms';
import { addUnitMember } from './unitsApi';
import { useFormAction } from '../../lib/useFormAction';

const emptyMember: MemberFields = { username: '', position: 'officer' };

/** Gives a person a position in the unit; the accounts are offered as the username is typed. */
export function MemberForm({ api, unit, unitName, users, onChanged }: { api: ApiOptions; unit: Unit; unitName: string; users: readonly UserSummary[] | undefined; onChanged: (message: string) => void }) {
  const t = useT();
  const [fields, setFields] = useState<MemberFields>(emptyMember);
  const [errors, setErrors] = useState<FieldErrors<MemberFields>>({});
  const { saving, problem, run } = useFormAction(refusalOf, (field, key) => setErrors((current) => ({ ...current, [field]: key })));
  const listId = `unit-${unit.code}-accounts`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkMember(fields, users);
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.member-form [aria-invalid=true]')?.focus());
      return;
    }
    const { value } = checked;
    const done = await run(async () => {
      const { added } = await addUnitMember(api, unit.code, value);
      const words = { user: value.username, unit: unitName, position: t(`unit.position.${value.position}`) };
      onChanged(t(added ? 'unit.memberAdded' : 'unit.memberExisted', words));
    }, (error) => refusalOf(error, value.position));
    if (done) setFields(emptyMember);
  }

  return (
    <form className="member-form" aria-labelledby={`${listId}-heading`} onSubmit={(event) => void submit(event)} noValidate>
      <h4 id={`${listId}-heading`}>{t('unit.addMember')}</h4>
      <LabelledField
        id={`${listId}-username`}
        label={t('unit.person')}
        value={fields.username}
        error={errorWords(errors.username)}
        onChange={(username) => {
          setFields((current) => ({ ...current, username }));
          setErrors((current) => ({ ...current, username: undefined }));
        }}
        extra={{ list: listId, maxLength: 64 }}
      />
      <datalist id={listId}>
        {(users ?? []).filter((user) => !user.disabled).map((user) => (
          <option key={user.username} value={user.username}>
            {user.displayName}
          </option>
        ))}
      </datalist>
      <LabelledField
        id={`${listId}-position`}
        label={t('unit.position')}
        value={fields.position}
        error={errorWords(errors.position)}
        options={positionSchema.options.map((position: Position) => ({ value: position, label: t(`unit.position.${position}`) }))}
        onChange={(position) => {
          setFields((current) => ({ ...current, position: positionSchema.parse(position) }));
          setErrors((current) => ({ ...current, position: undefined }));
        }}
      />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" disabled={saving}>
        {saving ? t('unit.saving') : t('unit.addMember')}
      </button>
    </form>
  );
}
