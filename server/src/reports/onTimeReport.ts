/**
 * The on-time report: how many cases were decided within their due date, against the 95 % target,
 * by month, unit, service and channel; what was received; what is overdue or at risk now.
 *
 * Rules (docs/decisions/0008-notifications-deadlines-progress.md):
 * - A case is decided on the first day it was approved or rejected, or completed on the spot (a
 *   same-day service closed at the counter: decided and handed over at once) (case_events,
 *   Asia/Taipei); it is on time when that day is on or before its due date as it stands (pauses and
 *   the extension already applied). It counts in the month it was decided.
 * - An open case whose due date has passed is late already, and counts in the month of its due date,
 *   so that an undecided backlog cannot flatter the rate.
 * - Withdrawn cases count in neither.
 */
import { defaultCatalogue, findService } from '../../../shared/domain/catalogue';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { taipeiDate } from '../../../shared/domain/rocDate';
import { channelSchema } from '../../../shared/schemas/case';
import type { Channel } from '../../../shared/schemas/case';
import { ON_TIME_TARGET } from '../../../shared/schemas/supervision';
import type { CountRow, OnTimeReport, OnTimeRow, QueueCase, ReportFilter } from '../../../shared/schemas/supervision';
import type { Queryable } from '../db/database';
import { assessOpenCases, openStatuses } from './caseAssessments';
import type { ReportedCaseRow } from './caseAssessments';

export const channelLabels: Readonly<Record<Channel, { zh: string; en: string }>> = {
  counter: { zh: '臨櫃', en: 'Counter' },
  'drive-through': { zh: '免下車', en: 'Drive-through' },
  'field-visit': { zh: '到府服務', en: 'Field visit' },
  phone: { zh: '電話受理', en: 'Phone' },
  referral: { zh: '里長轉介', en: 'Village chief referral' },
  bureau: { zh: '主動服務', en: 'Bureau-initiated' },
};

interface Outcome {
  month: string;
  unit: string;
  serviceId: string;
  channel: Channel;
  onTime: boolean;
}

interface CaseRow extends ReportedCaseRow {
  decided_at: Date | null;
}

function matches(filter: ReportFilter, row: { unit: string; serviceId: string; channel: Channel }): boolean {
  return (!filter.unit || row.unit === filter.unit) && (!filter.service || row.serviceId === filter.service) && (!filter.channel || row.channel === filter.channel);
}

function row(key: string, labelZh: string, labelEn: string, outcomes: readonly Outcome[]): OnTimeRow {
  const onTime = outcomes.filter((outcome) => outcome.onTime).length;
  const total = outcomes.length;
  const rate = total === 0 ? null : onTime / total;
  return { key, labelZh, labelEn, total, onTime, late: total - onTime, rate, meetsTarget: rate === null ? null : rate >= ON_TIME_TARGET };
}

function groupBy(outcomes: readonly Outcome[], keyOf: (outcome: Outcome) => string, label: (key: string) => { zh: string; en: string }): OnTimeRow[] {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    const key = keyOf(outcome);
    groups.set(key, [...(groups.get(key) ?? []), outcome]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => {
    const { zh, en } = label(key);
    return row(key, zh, en, list);
  });
}

function serviceLabel(catalogue: Catalogue, id: string): { zh: string; en: string } {
  const service = findService(catalogue, id);
  return { zh: service?.nameZh ?? id, en: service?.nameEn ?? id };
}

function counts(keys: readonly string[], label: (key: string) => { zh: string; en: string }): CountRow[] {
  const tally = new Map<string, number>();
  for (const key of keys) tally.set(key, (tally.get(key) ?? 0) + 1);
  return [...tally.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, labelZh: label(key).zh, labelEn: label(key).en, count }));
}

/** The history events that decide a case (SQL over `case_events e`). */
const DECIDING_EVENT = "(e.status_to IN ('approved', 'rejected') OR e.step = 'complete-on-spot')";

export async function buildOnTimeReport(db: Queryable, filter: ReportFilter, options: { now: Date; catalogue?: Catalogue }): Promise<OnTimeReport> {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const today = taipeiDate(options.now);
  const { rows } = await db.query<CaseRow>(
    `SELECT c.id, c.service_id, c.channel, c.station_code, c.status, c.received_on::text AS received_on, c.due_date::text AS due_date,
            (SELECT min(e.at) FROM case_events e WHERE e.case_id = c.id AND ${DECIDING_EVENT}) AS decided_at
       FROM cases c
      WHERE c.server_seq IS NOT NULL AND c.deleted_at IS NULL AND c.status <> 'withdrawn'
        AND (c.received_on BETWEEN $1::date AND $2::date
             OR c.due_date BETWEEN $1::date AND $2::date
             OR EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND ${DECIDING_EVENT}
                          AND e.at BETWEEN $1::date - 1 AND $2::date + 2))`,
    [filter.from, filter.to],
  );
  const inPeriod = (day: string) => filter.from <= day && day <= filter.to;
  const outcomes: Outcome[] = [];
  const received: Array<{ serviceId: string; channel: Channel }> = [];
  for (const caseRow of rows) {
    const base = { unit: caseRow.station_code, serviceId: caseRow.service_id, channel: channelSchema.parse(caseRow.channel) };
    if (!matches(filter, base)) continue;
    if (inPeriod(caseRow.received_on)) received.push(base);
    if (caseRow.decided_at) {
      const decidedOn = taipeiDate(caseRow.decided_at);
      if (inPeriod(decidedOn)) outcomes.push({ ...base, month: decidedOn.slice(0, 7), onTime: decidedOn <= caseRow.due_date });
    } else if (openStatuses.includes(caseRow.status as (typeof openStatuses)[number]) && caseRow.due_date < today && inPeriod(caseRow.due_date)) {
      outcomes.push({ ...base, month: caseRow.due_date.slice(0, 7), onTime: false });
    }
  }

  const open = (await assessOpenCases(db, { now: options.now, catalogue })).filter((item) => matches(filter, item));
  const byUrgency = (a: QueueCase, b: QueueCase) => a.dueDate.localeCompare(b.dueDate) || a.caseNo.localeCompare(b.caseNo);
  return {
    generatedAt: options.now.toISOString(),
    filter,
    target: ON_TIME_TARGET,
    overall: row('all', '全部', 'All', outcomes),
    byMonth: groupBy(outcomes, (o) => o.month, (key) => ({ zh: `${Number(key.slice(0, 4)) - 1911}年${Number(key.slice(5))}月`, en: key })),
    byUnit: groupBy(outcomes, (o) => o.unit, (key) => ({ zh: key, en: key })),
    byService: groupBy(outcomes, (o) => o.serviceId, (key) => serviceLabel(catalogue, key)),
    byChannel: groupBy(outcomes, (o) => o.channel, (key) => channelLabels[channelSchema.parse(key)]),
    receivedByService: counts(received.map((r) => r.serviceId), (key) => serviceLabel(catalogue, key)),
    receivedByChannel: counts(received.map((r) => r.channel), (key) => channelLabels[channelSchema.parse(key)]),
    overdue: open.filter((item) => item.risk === 'overdue').sort(byUrgency),
    atRisk: open.filter((item) => item.risk === 'at-risk').sort(byUrgency),
  };
}
