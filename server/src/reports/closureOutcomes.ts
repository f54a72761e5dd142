/**
 * Each case's part in the on-time rate, from what really happened to it (docs/decisions/0008, 0027):
 *
 * - A case counts on the day it was decided — the desk's decision date (`desk.decision.decidedOn`),
 *   or, for a case decided before the desk existed, the first day it reached approved, rejected or
 *   closed (case_events, Asia/Taipei). It is on time when that day is on or before its due date as
 *   it stands (pauses and the extension applied); it counts in the month it was decided. A same-day
 *   service completed at the counter is decided on its receipt day, its due date: on time.
 * - An open case whose due date has passed is late already, and counts in the month of its due date,
 *   so that an undecided backlog cannot flatter the rate. A decided case waiting to be handed over is
 *   not open: its decision date is what counts.
 * - Withdrawn cases count in neither.
 * - A case belongs to its handling unit (the desk's unit; a case without a desk, to its service's
 *   unit) and to its officer: the assignee, else whoever proposed the decision, else whoever made it
 *   (a same-day case completed at the counter); '' while no one has it.
 */
import type { Catalogue } from '../../../shared/domain/catalogue';
import { taipeiDate } from '../../../shared/domain/rocDate';
import { channelSchema } from '../../../shared/schemas/case';
import type { Channel } from '../../../shared/schemas/case';
import { ON_TIME_TARGET } from '../../../shared/schemas/supervision';
import type { OnTimeRow } from '../../../shared/schemas/supervision';
import type { Queryable } from '../db/database';
import { handlingUnitOfCase, openStatuses } from './caseAssessments';
import type { ReportedCaseRow } from './caseAssessments';

/** Where a case is counted: what the report groups by and filters on. */
export interface CaseFacets {
  unit: string;
  officer: string;
  serviceId: string;
  channel: Channel;
}

export interface ClosureOutcome extends CaseFacets {
  month: string;
  onTime: boolean;
}

/** Which cases to count: a period, and optionally a unit, service, channel or set of units. */
export interface OutcomeFilter {
  from: string;
  to: string;
  unit?: string | undefined;
  service?: string | undefined;
  channel?: Channel | undefined;
  /** The units the reader oversees ('all' for the director). */
  units: 'all' | readonly string[];
}

interface ClosureRow extends ReportedCaseRow {
  unit: string | null;
  assignee: string | null;
  proposed_by: string | null;
  decided_by: string | null;
  decided_on: string | null;
  first_decided_at: Date | null;
}

export function matchesFilter(filter: Omit<OutcomeFilter, 'from' | 'to'>, facets: Pick<CaseFacets, 'unit' | 'serviceId' | 'channel'>): boolean {
  return (
    (filter.units === 'all' || filter.units.includes(facets.unit)) &&
    (!filter.unit || facets.unit === filter.unit) &&
    (!filter.service || facets.serviceId === filter.service) &&
    (!filter.channel || facets.channel === filter.channel)
  );
}

/** The cases decided in the period (and open ones late in it), and the cases received in it. */
export async function closureOutcomes(
  db: Queryable,
  filter: OutcomeFilter,
  options: { now: Date; catalogue: Catalogue },
): Promise<{ outcomes: ClosureOutcome[]; received: CaseFacets[] }> {
  const today = taipeiDate(options.now);
  const { rows } = await db.query<ClosureRow>(
    `SELECT c.id, c.service_id, c.channel, c.station_code, c.status, c.received_on::text AS received_on, c.due_date::text AS due_date,
            c.unit, c.assignee, COALESCE(c.desk #>> '{decision,proposedBy}', c.desk #>> '{proposal,by}') AS proposed_by,
            c.desk #>> '{decision,decidedBy}' AS decided_by, c.desk #>> '{decision,decidedOn}' AS decided_on,
            (SELECT min(e.at) FROM case_events e WHERE e.case_id = c.id AND e.status_to IN ('approved', 'rejected', 'closed')) AS first_decided_at
       FROM cases c
      WHERE c.server_seq IS NOT NULL AND c.deleted_at IS NULL AND c.status <> 'withdrawn'
        AND (c.received_on BETWEEN $1::date AND $2::date
             OR c.due_date BETWEEN $1::date AND $2::date
             OR (c.desk #>> '{decision,decidedOn}')::date BETWEEN $1::date AND $2::date
             OR EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.status_to IN ('approved', 'rejected', 'closed')
                          AND e.at BETWEEN $1::date - 1 AND $2::date + 2))`,
    [filter.from, filter.to],
  );
  const inPeriod = (day: string) => filter.from <= day && day <= filter.to;
  const outcomes: ClosureOutcome[] = [];
  const received: CaseFacets[] = [];
  for (const row of rows) {
    const decidedOn = row.decided_on ?? (row.first_decided_at ? taipeiDate(row.first_decided_at) : null);
    const facets: CaseFacets = {
      unit: handlingUnitOfCase(row.unit, row.service_id, options.catalogue),
      officer: row.assignee ?? row.proposed_by ?? row.decided_by ?? '',
      serviceId: row.service_id,
      channel: channelSchema.parse(row.channel),
    };
    if (!matchesFilter(filter, facets)) continue;
    if (inPeriod(row.received_on)) received.push(facets);
    if (decidedOn) {
      if (inPeriod(decidedOn)) outcomes.push({ ...facets, month: decidedOn.slice(0, 7), onTime: decidedOn <= row.due_date });
    } else if ((openStatuses as readonly string[]).includes(row.status) && row.due_date < today && inPeriod(row.due_date)) {
      outcomes.push({ ...facets, month: row.due_date.slice(0, 7), onTime: false });
    }
  }
  return { outcomes, received };
}

/** One row of rates: how many counted, how many on time, against the target. */
export function rateRow(key: string, label: { zh: string; en: string }, outcomes: readonly ClosureOutcome[]): OnTimeRow {
  const onTime = outcomes.filter((outcome) => outcome.onTime).length;
  const total = outcomes.length;
  const rate = total === 0 ? null : onTime / total;
  return { key, labelZh: label.zh, labelEn: label.en, total, onTime, late: total - onTime, rate, meetsTarget: rate === null ? null : rate >= ON_TIME_TARGET };
}
