import { useEffect, useState, type FormEvent } from 'react';
import { servicesForChannel } from '../../../../shared/domain/catalogue';
import { keelungDistricts } from '../../../../shared/domain/districts';
import { isValidIsoDate } from '../../../../shared/domain/isoDate';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import { applicantKindSchema } from '../../../../shared/schemas/case';
import type { ApplicantKind } from '../../../../shared/schemas/case';
import { useT } from '../../lib/i18n';
import { LabelledField, type LabelledFieldProps } from '../../lib/LabelledField';
import { useLocale } from '../../state/locale';
import { getCatalogue } from '../../lib/referenceData';
import type { ApiOptions } from '../../sync/api';
import { DateField } from '../dates/DateField';
import { DayVisitsTable } from './DayVisitsTable';
import { planVisit } from './visitApi';
import { useDayVisits } from './useDayVisits';
import { emptyPlanFields, validatePlan, type PlanErrors, type PlanFieldName, type PlanFields } from './validatePlan';
import { useVisitText } from './useVisitText';
import { useDescribeError } from '../../lib/errorText';

/**
 * The supervisor's planner: assign a visit (applicant, Keelung address, service, date and time, field
 * worker), validated field by field in both languages, and the day's visits with their outcomes.
 * Online only: the plan lives on the server until the worker downloads it.
 */
export function VisitPlanner({ api }: { api: ApiOptions }) {
  const t = useT();
  const v = useVisitText();
  const describeError = useDescribeError();
  const locale = useLocale((s) => s.locale);
  const [fields, setFields] = useState<PlanFields>(() => emptyPlanFields(taipeiDate(new Date())));
  const [errors, setErrors] = useState<PlanErrors>({});
  const [status, setStatus] = useState<string>();
  const [saving, setSaving] = useState(false);
  const { staff, visits, listError, refresh } = useDayVisits(api);
  const services = servicesForChannel(getCatalogue(), 'field-visit');

  useEffect(() => {
    // A refused date entry leaves no date: the list stays on the last day it showed.
    if (isValidIsoDate(fields.planDate)) void refresh(fields.planDate);
  }, [refresh, fields.planDate]);

  function set(field: PlanFieldName, value: string) {
    setFields((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = validatePlan(fields);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus(v('fixErrors'));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.visit-planner [aria-invalid=true]')?.focus());
      return;
    }
    setSaving(true);
    setStatus(undefined);
    try {
      const visit = await planVisit(api, { ...result.value, id: crypto.randomUUID() });
      setStatus(v('planned', { time: visit.time, name: visit.applicant.name }));
      setFields((current) => ({ ...emptyPlanFields(current.planDate), assignee: current.assignee }));
      setErrors({});
      await refresh(visit.planDate);
    } catch (error) {
      setStatus(v('planFailed', { message: describeError(error) }));
    } finally {
      setSaving(false);
    }
  }

  const field = (name: PlanFieldName, label: string, more: Pick<LabelledFieldProps, 'options' | 'placeholder' | 'extra'> = {}) => (
    <LabelledField id={`plan-${name}`} label={label} value={fields[name]} error={errors[name]} onChange={(value) => set(name, value)} {...more} />
  );

  return (
    <section className="visit-planner" aria-labelledby="visit-planner-title">
      <h2 id="visit-planner-title">{v('plannerTitle')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="visit-planner-title">
        {field('assignee', v('assignee'), {
          options: staff.map((person) => ({ value: person.username, label: `${person.displayName} (${person.username})` })),
          placeholder: v('chooseAssignee'),
        })}
        <DateField id="plan-planDate" label={v('planDate')} required value={fields.planDate} onChange={(date) => set('planDate', date)} error={errors.planDate} />
        {field('time', v('time'), { extra: { type: 'time' } })}
        {field('serviceId', v('service'), {
          options: services.map((service) => ({ value: service.id, label: `${service.id} ${locale === 'en' ? service.nameEn : service.nameZh}` })),
          placeholder: v('chooseService'),
        })}
        {field('kind', v('applicantKind'), { options: applicantKindSchema.options.map((kind: ApplicantKind) => ({ value: kind, label: t(`kind.${kind}`) })) })}
        {field('idNumber', v('applicantId'))}
        {field('name', v('applicantName'))}
        {field('phone', v('applicantPhone'), { extra: { type: 'tel', inputMode: 'tel' } })}
        {field('zip', v('district'), {
          options: keelungDistricts.map((district) => ({ value: district.zip, label: `${district.zip} ${district.name} ${district.en}` })),
          placeholder: v('chooseDistrict'),
        })}
        {field('line', v('addressLine'))}
        {field('note', v('note'), { extra: { maxLength: 300 } })}
        <button type="submit" disabled={saving}>
          {saving ? v('planning') : v('plan')}
        </button>
      </form>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {listError !== undefined && (
        <p role="alert" className="error">
          {v('listFailed', { message: listError })}
        </p>
      )}
      <button type="button" onClick={() => void refresh(isValidIsoDate(fields.planDate) ? fields.planDate : (visits?.date ?? fields.planDate))}>
        {v('refresh')}
      </button>
      {visits && <DayVisitsTable date={visits.date} list={visits.list} />}
    </section>
  );
}
