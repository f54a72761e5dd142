/**
 * The supervisor's counters of a day as a form: one row per enrolled counter station with its label
 * and the groups it calls, checked before anything is sent. Without a row of its own for the day a
 * counter keeps its most recent day's plan, else its station code and every kiosk group (the server's
 * rule, which its answer already applies).
 */
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { queueGroups, type QueueGroupCode } from '../../../../shared/domain/queueGroups';
import { counterDaySchema, type CounterDay } from '../../../../shared/schemas/ticketQueue';
import { translateBoth } from '../../lib/i18n';
import type { CounterPlan } from '../../../../shared/schemas/ticketQueue';

export interface PlanRow {
  stationCode: string;
  /** The device's name, to tell the stations apart. */
  name: string;
  label: string;
  groups: readonly QueueGroupCode[];
}

export type PlanErrors = Record<string, { label?: Bilingual; groups?: Bilingual }>;

const DEFAULT_GROUPS: readonly QueueGroupCode[] = queueGroups.filter((g) => g.atKiosk).map((g) => g.code);

/**
 * The form's rows: every enrolled station, in station order, as it stands that day (the server resolves
 * the earlier days and the defaults). A station no longer enrolled cannot be planned and is left out.
 */
export function planRows(plan: CounterPlan): PlanRow[] {
  const byStation = new Map(plan.counters.map((counter) => [counter.stationCode, counter]));
  return plan.stations
    .map(({ stationCode, name }) => {
      const day = byStation.get(stationCode);
      return { stationCode, name, label: day?.label ?? stationCode, groups: day?.groups ?? DEFAULT_GROUPS };
    })
    .sort((a, b) => a.stationCode.localeCompare(b.stationCode));
}

/** A group checked or unchecked, the groups kept in the table's order. */
export function toggleGroup(groups: readonly QueueGroupCode[], group: QueueGroupCode, on: boolean): QueueGroupCode[] {
  return queueGroups.map((g) => g.code).filter((code) => (code === group ? on : groups.includes(code)));
}

/** The rows as the server takes them, or the error of each field that stops them. */
export function checkPlan(rows: readonly PlanRow[]): { ok: true; counters: CounterDay[] } | { ok: false; errors: PlanErrors } {
  const errors: PlanErrors = {};
  const counters: CounterDay[] = [];
  for (const row of rows) {
    const label = row.label.trim();
    const rowErrors = {
      ...(label === '' ? { label: translateBoth('counterPlan.labelRequired') } : label.length > 20 ? { label: translateBoth('counterPlan.labelTooLong') } : {}),
      ...(row.groups.length === 0 ? { groups: translateBoth('counterPlan.groupsRequired') } : {}),
    };
    const parsed = counterDaySchema.safeParse({ stationCode: row.stationCode, label, groups: row.groups });
    if (Object.keys(rowErrors).length > 0) errors[row.stationCode] = rowErrors;
    else if (!parsed.success) errors[row.stationCode] = { label: translateBoth('counterPlan.labelInvalid') };
    else counters.push(parsed.data);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, counters };
}
