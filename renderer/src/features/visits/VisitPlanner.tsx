import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { servicesForChannel } from '../../../../shared/domain/catalogue';
import { keelungDistricts } from '../../../../shared/domain/districts';
import { isValidIsoDate } from '../../../../shared/domain/isoDate';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import { applicantKindSchema } from '../../../../shared/schemas/case';
import type { ApplicantKind } from '../../../../shared/schemas/case';
import type { Visit } from '../../../../shared/schemas/visit';
import { useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { getCatalogue } from '../../lib/referenceData';
import type { ApiOptions } from '../../sync/api';
import { DateField } from '../dates/DateField';
import { FieldError } from '../../lib/FieldError';
import { listDayVisits, listFieldStaff, planVisit } from './visitApi';
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
  const [staff, setStaff] = useState<Array<{ username: string; displayName: string }>>([]);
  const [visits, setVisits] = useState<{ date: string; list: Visit[] }>();
  const [status, setStatus] = useState<string>();
  const [saving, setSaving] = useState(false);
  const services = servicesForChannel(getCatalogue(), 'field-visit');

  const [listError, setListError] = useState<string>();
  const refresh = useCallback(
    async (date: string) => {
      try {
        setVisits({ date, list: await listDayVisits(api, date) });
        setListError(undefined);
      } catch (error) {
        setListError(describeError(error));
      }
    },
    [api, describeError],
  );

  useEffect(() => {
    void listFieldStaff(api).then(setStaff, () => setStaff([]));
  }, [api]);
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

  const input = (field: PlanFieldName, label: string, extra: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`plan-${field}`}>{label}</label>
      <input
        id={`plan-${field}`}
        value={fields[field]}
        onChange={(event) => set(field, event.target.value)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `plan-${field}-error` : undefined}
        autoComplete="off"
        {...extra}
      />
      <FieldError id={`plan-${field}-error`} message={errors[field]} />
    </div>
  );

  const select = (field: PlanFieldName, label: string, options: Array<{ value: string; label: string }>, placeholder?: string) => (
    <div className="field">
      <label htmlFor={`plan-${field}`}>{label}</label>
      <select
        id={`plan-${field}`}
        value={fields[field]}
        onChange={(event) => set(field, event.target.value)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `plan-${field}-error` : undefined}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`plan-${field}-error`} message={errors[field]} />
    </div>
  );

  return (
    <section className="visit-planner" aria-labelledby="visit-planner-title">
      <h2 id="visit-planner-title">{v('plannerTitle')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="visit-planner-title">
        {select(
          'assignee',
          v('assignee'),
          staff.map((person) => ({ value: person.username, label: `${person.displayName} (${person.username})` })),
          v('chooseAssignee'),
        )}
        <DateField id="plan-planDate" label={v('planDate')} required value={fields.planDate} onChange={(date) => set('planDate', date)} error={errors.planDate} />
        {input('time', v('time'), { type: 'time' })}
        {select(
          'serviceId',
          v('service'),
          services.map((service) => ({ value: service.id, label: `${service.id} ${locale === 'en' ? service.nameEn : service.nameZh}` })),
          v('chooseService'),
        )}
        {select(
          'kind',
          v('applicantKind'),
          applicantKindSchema.options.map((kind: ApplicantKind) => ({ value: kind, label: t(`kind.${kind}`) })),
        )}
        {input('idNumber', v('applicantId'))}
        {input('name', v('applicantName'))}
        {input('phone', v('applicantPhone'), { type: 'tel', inputMode: 'tel' })}
        {select(
          'zip',
          v('district'),
          keelungDistricts.map((district) => ({ value: district.zip, label: `${district.zip} ${district.name} ${district.en}` })),
          v('chooseDistrict'),
        )}
        {input('line', v('addressLine'))}
        {input('note', v('note'), { maxLength: 300 })}
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
      {visits && (
        <table className="case-list" aria-label={v('plannerList', { date: visits.date })}>
          <caption>{v('plannerList', { date: visits.date })}</caption>
          <thead>
            <tr>
              <th scope="col">{v('time')}</th>
              <th scope="col">{v('assignee')}</th>
              <th scope="col">{v('applicant')}</th>
              <th scope="col">{v('service')}</th>
              <th scope="col">{v('outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.list.map((visit) => (
              <tr key={visit.id} data-visit-id={visit.id} data-outcome={visit.outcome?.state ?? 'none'}>
                <td>{visit.time}</td>
                <td>{visit.assigneeName}</td>
                <td>{visit.applicant.name}</td>
                <td>{visit.serviceId}</td>
                <td>
                  {visit.outcome ? (
                    <>
                      {v(`state.${visit.outcome.state}`)}
                      {visit.outcome.reason && ` · ${visit.outcome.reason}`}
                      {visit.outcome.caseNo && (
                        <>
                          {' · '}
                          <span className="mono">{visit.outcome.caseNo}</span>
                        </>
                      )}
                      {visit.outcome.caseId && ` · ${v('smsState', { state: v(`sms.${visit.outcome.sms}`) })}`}
                    </>
                  ) : (
                    v('noOutcome')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
