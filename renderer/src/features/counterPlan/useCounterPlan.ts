import { useEffect, useState } from 'react';
import type { CounterDay } from '../../../../shared/schemas/ticketQueue';
import { useDescribeError } from '../../lib/errorText';
import { currentDeviceHeaders } from '../../state/sessionState';
import type { ApiOptions } from '../../sync/api';
import { fetchCounterPlan, saveCounterPlan } from '../queue/queueApi';
import { planRows, type PlanRow } from './counterPlanForm';

export type PlanStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; text: string };

/** A day's counters from the server (read again when the day changes), the rows as edited, and their save. */
export function useCounterPlan(api: ApiOptions, day: string) {
  const describeError = useDescribeError();
  const [rows, setRows] = useState<PlanRow[]>([]);
  const [status, setStatus] = useState<PlanStatus>({ kind: 'loading' });
  // Keyed on the values, not the object: the caller makes a new `api` object on every render.
  const { serverUrl, token } = api;
  useEffect(() => {
    let cancelled = false;
    void fetchCounterPlan({ serverUrl, token, headers: currentDeviceHeaders() }, day).then(
      (plan) => {
        if (cancelled) return;
        setRows(planRows(plan));
        setStatus({ kind: 'ready' });
      },
      (error: unknown) => !cancelled && setStatus({ kind: 'failed', text: describeError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [serverUrl, token, day, describeError]);

  async function save(counters: readonly CounterDay[]): Promise<void> {
    setStatus({ kind: 'saving' });
    try {
      const plan = await saveCounterPlan({ serverUrl, token, headers: currentDeviceHeaders() }, day, counters);
      setRows(planRows(plan));
      setStatus({ kind: 'saved', at: plan.day });
    } catch (error) {
      setStatus({ kind: 'failed', text: describeError(error) });
    }
  }

  return { rows, setRows, status, setStatus, save };
}
