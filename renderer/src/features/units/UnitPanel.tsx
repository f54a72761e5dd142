import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { UserSummary } from '../../../../shared/schemas/auth';
import type { Unit, UnitMember } from '../../../../shared/schemas/unit';
import { useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import type { ApiOptions } from '../../sync/api';
import { checkNames, errorWords, refusalOf, type FieldErrors, type UnitFields } from './unitForms';
import { removeUnitMember, renameUnit } from './unitsApi';
import { MemberForm } from './MemberForm';
import { useFormAction } from '../../lib/useFormAction';

interface UnitPanelProps {
  api: ApiOptions;
  unit: Unit;
  unitName: string;
  members: readonly UnitMember[];
  users: readonly UserSummary[] | undefined;
  /** After a change: what to tell the administrator; the screen reloads the lists. */
  onChanged: (message: string) => void;
}

/** One unit: its names, its people with their positions, and a form to give someone a position. */
export function UnitPanel({ api, unit, unitName, members, users, onChanged }: UnitPanelProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [names, setNames] = useState({ nameZh: unit.nameZh, nameEn: unit.nameEn });
  const [errors, setErrors] = useState<FieldErrors<UnitFields>>({});
  const { saving, problem, run } = useFormAction(refusalOf, (field, key) => setErrors((current) => ({ ...current, [field]: key })));

  // Opening a unit takes the keyboard to it.
  useEffect(() => heading.current?.focus(), [unit.code]);

  async function rename(event: FormEvent) {
    event.preventDefault();
    const checked = checkNames(names);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    await run(async () => {
      await renameUnit(api, unit.code, checked.value);
      onChanged(t('unit.renamed', { code: unit.code }));
    });
  }

  async function remove(member: UnitMember) {
    const position = t(`unit.position.${member.position}`);
    await run(async () => {
      await removeUnitMember(api, unit.code, member);
      onChanged(t('unit.memberRemoved', { user: member.displayName ?? member.username, unit: unitName, position }));
    });
  }

  const set = (field: 'nameZh' | 'nameEn') => (value: string) => {
    setNames((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  return (
    <section className="unit-panel" aria-labelledby="unit-panel-heading">
      <h3 id="unit-panel-heading" ref={heading} tabIndex={-1}>
        {t('unit.membersOf', { name: unitName })}
      </h3>
      <table className="report-table">
        <caption className="visually-hidden">{t('unit.membersOf', { name: unitName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('unit.staff')}</th>
            <th scope="col">{t('unit.position')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('unit.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.length === 0 && (
            <tr>
              <td colSpan={3}>{t('unit.noMembers')}</td>
            </tr>
          )}
          {members.map((member) => {
            const words = { user: member.displayName ?? member.username, position: t(`unit.position.${member.position}`) };
            return (
              <tr key={`${member.username}-${member.position}`}>
                <th scope="row">
                  {words.user} <span className="hint small">{member.username}</span>
                </th>
                <td>{words.position}</td>
                <td>
                  <button type="button" disabled={saving} onClick={() => void remove(member)}>
                    {t('unit.removeMember', words)}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <MemberForm api={api} unit={unit} unitName={unitName} users={users} onChanged={onChanged} />
      <form className="unit-names" aria-labelledby="unit-names-heading" onSubmit={(event) => void rename(event)} noValidate>
        <h4 id="unit-names-heading">{t('unit.renameTitle')}</h4>
        <LabelledField id="unit-name-zh" label={t('unit.nameZh')} value={names.nameZh} error={errorWords(errors.nameZh)} onChange={set('nameZh')} extra={{ lang: 'zh-Hant-TW' }} />
        <LabelledField id="unit-name-en" label={t('unit.nameEn')} value={names.nameEn} error={errorWords(errors.nameEn)} onChange={set('nameEn')} extra={{ lang: 'en' }} />
        {problem && <p role="alert">{problem}</p>}
        <button type="submit" disabled={saving}>
          {saving ? t('unit.saving') : t('unit.rename')}
        </button>
      </form>
    </section>
  );
}
