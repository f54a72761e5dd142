/**
 * The counters of the day (table `queue_counter_days`): which label each station shows and which
 * groups it calls. A supervisor sets a day's plan at once; a station with no row for the day keeps
 * its most recent earlier day's, and one never planned is labelled with its station code and calls
 * groups A–D (the lane calls L by asking for it).
 */
import { counterDaySchema } from '../../../shared/schemas/ticketQueue';
import type { CounterDay, CounterPlan } from '../../../shared/schemas/ticketQueue';
import type { Queryable } from '../db/database';
import { DomainError } from '../domain/domainError';
import type { ErrorIssue } from '../domain/domainError';
import { appendAudit } from '../store/auditStore';

const defaultGroups = ['A', 'B', 'C', 'D'] as const;

interface CounterDayRow {
  station_code: string;
  label: string;
  groups: string[];
}

function counterDayOf(row: CounterDayRow): CounterDay {
  return counterDaySchema.parse({ stationCode: row.station_code, label: row.label, groups: row.groups });
}

export function defaultCounterDay(stationCode: string): CounterDay {
  return { stationCode, label: stationCode, groups: [...defaultGroups] };
}

/** The station's counter on `day`: that day's row, else its latest earlier one, else the default. */
export async function counterOfDay(db: Queryable, day: string, stationCode: string): Promise<CounterDay> {
  const { rows } = await db.query<CounterDayRow>(
    'SELECT station_code, label, groups FROM queue_counter_days WHERE station_code = $1 AND office_day <= $2 ORDER BY office_day DESC LIMIT 1',
    [stationCode, day],
  );
  const row = rows[0];
  return row ? counterDayOf(row) : defaultCounterDay(stationCode);
}

/** The enrolled, unrevoked workstations: the stations a counter's day can name. */
export async function counterStations(db: Queryable): Promise<Array<{ stationCode: string; name: string }>> {
  const { rows } = await db.query<{ station_code: string; name: string }>(
    "SELECT station_code, min(name) AS name FROM devices WHERE kind = 'workstation' AND revoked_at IS NULL GROUP BY station_code ORDER BY station_code",
  );
  return rows.map((row) => ({ stationCode: row.station_code, name: row.name }));
}

/** Every station's counter on `day` (as counterOfDay resolves it), and the stations. */
export async function counterPlanOf(db: Queryable, day: string): Promise<CounterPlan> {
  const stations = await counterStations(db);
  const { rows } = await db.query<CounterDayRow & { office_day: string }>(
    `SELECT DISTINCT ON (station_code) station_code, label, groups, office_day FROM queue_counter_days
      WHERE office_day <= $1 ORDER BY station_code, office_day DESC`,
    [day],
  );
  const latest = new Map(rows.map((row) => [row.station_code, row]));
  const counters = stations.map(({ stationCode }) => {
    const row = latest.get(stationCode);
    return row ? counterDayOf(row) : defaultCounterDay(stationCode);
  });
  // A row of the day itself for a station since revoked is still that day's plan.
  const enrolled = new Set(stations.map((station) => station.stationCode));
  for (const row of rows) if (row.office_day === day && !enrolled.has(row.station_code)) counters.push(counterDayOf(row));
  return { day, counters, stations };
}

function planIssues(counters: readonly CounterDay[], stations: ReadonlySet<string>): ErrorIssue[] {
  const seen = new Set<string>();
  const issues: ErrorIssue[] = [];
  counters.forEach((counter, index) => {
    if (!stations.has(counter.stationCode)) issues.push({ path: `counters.${index}.stationCode`, message: 'not an enrolled counter station' });
    if (seen.has(counter.stationCode)) issues.push({ path: `counters.${index}.stationCode`, message: 'this station is planned twice' });
    if (new Set(counter.groups).size !== counter.groups.length) issues.push({ path: `counters.${index}.groups`, message: 'a group is named twice' });
    seen.add(counter.stationCode);
  });
  return issues;
}

/**
 * Sets `day`'s plan: the rows of the day are replaced by `counters`. A past day is history and stays
 * as it was. Audited in the same transaction.
 */
export async function putCounterPlan(
  tx: Queryable,
  input: { day: string; today: string; counters: readonly CounterDay[]; by: string; deviceId: string; now: Date },
): Promise<void> {
  if (input.day < input.today) throw new DomainError('validation_failed', 'A past day cannot be planned', { issues: [{ path: 'day', message: 'a day already past' }] });
  const stations = new Set((await counterStations(tx)).map((station) => station.stationCode));
  const issues = planIssues(input.counters, stations);
  if (issues.length > 0) throw new DomainError('validation_failed', 'The counter plan is not valid', { issues });
  await tx.query('DELETE FROM queue_counter_days WHERE office_day = $1', [input.day]);
  for (const counter of input.counters) {
    await tx.query('INSERT INTO queue_counter_days (office_day, station_code, label, groups, set_by, set_at) VALUES ($1, $2, $3, $4::text[], $5, $6)', [
      input.day,
      counter.stationCode,
      counter.label,
      counter.groups,
      input.by,
      input.now,
    ]);
  }
  await appendAudit(tx, {
    at: input.now,
    userName: input.by,
    deviceId: input.deviceId,
    action: 'queue.plan',
    purpose: '櫃台叫號排班 / counter plan',
    details: { day: input.day, counters: input.counters.map((counter) => `${counter.stationCode} ${counter.label} ${counter.groups.join('')}`).join('; ') },
  });
}
