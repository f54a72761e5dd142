import { useRef, useState, type FormEvent } from 'react';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import { useT } from '../../lib/i18n';
import { useAltShortcuts } from '../../lib/shortcuts';
import type { ApiOptions } from '../../sync/api';
import { DateField } from '../dates/DateField';
import { checkPlan, type PlanErrors, type PlanRow } from './counterPlanForm';
import { CounterPlanRow } from './CounterPlanRow';
import { useCounterPlan } from './useCounterPlan';
import './counterPlan.css';

/**
 * The supervisor's counters of a day (default today): each enrolled counter station with its label
 * (「3號櫃台」, shown on the hall display) and the groups it calls. Saved at once for every counter
 * (Alt+S); a field that cannot be saved says why beside it and keeps what was typed.
 */
export function CounterPlanView({ api }: { api: ApiOptions }) {
  const t = useT();
  const [today] = useState(() => taipeiDate(new Date()));
  const [day, setDay] = useState(today);
  // A past day is history: shown as it was, not planned again (the server refuses it too).
  const past = day < today;
  const { rows, setRows, status, setStatus, save: send } = useCounterPlan(api, day);
  const [errors, setErrors] = useState<PlanErrors>({});
  const formRef = useRef<HTMLFormElement>(null);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (status.kind === 'saving' || status.kind === 'loading' || past) return;
    const checked = checkPlan(rows);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
      return;
    }
    await send(checked.counters);
  }

  function chooseDay(iso: string) {
    if (!iso || iso === day) return;
    setStatus({ kind: 'loading' });
    setErrors({});
    setDay(iso);
  }

  useAltShortcuts({ s: () => formRef.current?.requestSubmit() });
  const update = (next: PlanRow) => setRows((current) => current.map((row) => (row.stationCode === next.stationCode ? next : row)));

  return (
    <section className="counter-plan" aria-labelledby="counter-plan-title">
      <h2 id="counter-plan-title">{t('counterPlan.title')}</h2>
      <p className="hint small">{t('counterPlan.hint')}</p>
      <DateField id="counter-plan-day" label={t('counterPlan.day')} value={day} onChange={chooseDay} required />
      <form ref={formRef} noValidate onSubmit={(event) => void save(event)} aria-labelledby="counter-plan-title" aria-busy={status.kind === 'loading' || status.kind === 'saving'}>
        {past && <p className="notice-line">{t('counterPlan.pastDay')}</p>}
        {rows.length === 0 && status.kind === 'ready' && <p>{t('counterPlan.noStations')}</p>}
        {rows.map((row) => (
          <CounterPlanRow key={row.stationCode} row={row} errors={errors[row.stationCode]} onChange={update} />
        ))}
        <div className="button-row">
          <button type="submit" disabled={past || status.kind === 'saving' || status.kind === 'loading'} aria-keyshortcuts="Alt+S">
            {status.kind === 'saving' ? t('counterPlan.saving') : t('counterPlan.save')} <kbd>Alt+S</kbd>
          </button>
        </div>
      </form>
      <p role="status" data-testid="counter-plan-status">
        {status.kind === 'loading' ? t('loading') : status.kind === 'saved' ? t('counterPlan.saved', { day: status.at }) : ''}
      </p>
      {status.kind === 'failed' && (
        <p role="alert" className="error">
          {status.text}
        </p>
      )}
    </section>
  );
}
