import type { Bilingual } from '../../../../shared/domain/bilingual';
import { queueGroups } from '../../../../shared/domain/queueGroups';
import { FieldError } from '../../lib/FieldError';
import { LabelledField } from '../../lib/LabelledField';
import { useT } from '../../lib/i18n';
import { useGroupName } from '../queue/useQueueText';
import { toggleGroup, type PlanRow } from './counterPlanForm';

interface Props {
  row: PlanRow;
  errors: { label?: Bilingual; groups?: Bilingual } | undefined;
  onChange: (row: PlanRow) => void;
}

/** One counter station of the day: its label and a checkbox per group. */
export function CounterPlanRow({ row, errors, onChange }: Props) {
  const t = useT();
  const groupName = useGroupName();
  const id = `counter-plan-${row.stationCode}`;
  return (
    <fieldset className="counter-plan-row" data-testid="counter-plan-row" data-station={row.stationCode}>
      <legend>
        <span className="mono">{row.stationCode}</span> {row.name}
      </legend>
      <LabelledField id={`${id}-label`} label={t('counterPlan.label')} value={row.label} maxLength={20} error={errors?.label} onChange={(label) => onChange({ ...row, label })} />
      <fieldset className="counter-plan-groups" aria-describedby={errors?.groups ? `${id}-groups-error` : undefined}>
        <legend>{t('counterPlan.groups')}</legend>
        {queueGroups.map((group) => (
          <label key={group.code}>
            <input
              type="checkbox"
              checked={row.groups.includes(group.code)}
              aria-invalid={errors?.groups ? true : undefined}
              onChange={(event) => onChange({ ...row, groups: toggleGroup(row.groups, group.code, event.target.checked) })}
            />{' '}
            {groupName(group.code)}
          </label>
        ))}
        <FieldError id={`${id}-groups-error`} message={errors?.groups} />
      </fieldset>
    </fieldset>
  );
}
