/**
 * The on-time report: how many cases were decided within their due date, against the 95 % target, by
 * month, handling unit, officer, service and channel; what was received; what is overdue or at risk
 * now. Which cases count, and when, is closureOutcomes.ts; the report reads only the units its reader
 * oversees (oversight.ts).
 */
import { defaultCatalogue, findService } from '../../../shared/domain/catalogue';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { channelSchema } from '../../../shared/schemas/case';
import type { Channel } from '../../../shared/schemas/case';
import { ON_TIME_TARGET } from '../../../shared/schemas/supervision';
import type { CountRow, OnTimeReport, OnTimeRow, QueueCase, ReportFilter } from '../../../shared/schemas/supervision';
import type { Queryable } from '../db/database';
import { listUnits } from '../store/unitStore';
import { assessOpenCases } from './caseAssessments';
import { closureOutcomes, matchesFilter, rateRow } from './closureOutcomes';
import type { ClosureOutcome } from './closureOutcomes';

type Label = { zh: string; en: string };

export const channelLabels: Readonly<Record<Channel, Label>> = {
  counter: { zh: '臨櫃', en: 'Counter' },
  'drive-through': { zh: '免下車', en: 'Drive-through' },
  'field-visit': { zh: '到府服務', en: 'Field visit' },
  phone: { zh: '電話受理', en: 'Phone' },
  referral: { zh: '里長轉介', en: 'Village chief referral' },
  bureau: { zh: '主動服務', en: 'Bureau-initiated' },
};

const channelLabel = (key: string): Label => channelLabels[channelSchema.parse(key)];

function groupBy(outcomes: readonly ClosureOutcome[], keyOf: (outcome: ClosureOutcome) => string, label: (key: string) => Label): OnTimeRow[] {
  const groups = new Map<string, ClosureOutcome[]>();
  for (const outcome of outcomes) {
    const key = keyOf(outcome);
    groups.set(key, [...(groups.get(key) ?? []), outcome]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => rateRow(key, label(key), list));
}

function counts(keys: readonly string[], label: (key: string) => Label): CountRow[] {
  const tally = new Map<string, number>();
  for (const key of keys) tally.set(key, (tally.get(key) ?? 0) + 1);
  return [...tally.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, labelZh: label(key).zh, labelEn: label(key).en, count }));
}

function serviceLabel(catalogue: Catalogue, id: string): Label {
  const service = findService(catalogue, id);
  return { zh: service?.nameZh ?? id, en: service?.nameEn ?? id };
}

/** The names to print: units by their names, officers by their display names, no one as words. */
async function labelsOf(db: Queryable, officers: readonly string[]): Promise<{ unit: (code: string) => Label; officer: (username: string) => Label }> {
  const units = new Map((await listUnits(db)).map((unit) => [unit.code, { zh: unit.nameZh, en: unit.nameEn }]));
  const { rows } = await db.query<{ username: string; display_name: string }>('SELECT username, display_name FROM users WHERE username = ANY($1::text[])', [officers]);
  const names = new Map(rows.map((row) => [row.username, row.display_name]));
  return {
    unit: (code) => units.get(code) ?? { zh: code, en: code },
    officer: (username) => (username === '' ? { zh: '未分案', en: 'Not assigned' } : { zh: names.get(username) ?? username, en: names.get(username) ?? username }),
  };
}

export async function buildOnTimeReport(
  db: Queryable,
  filter: ReportFilter,
  options: { now: Date; catalogue?: Catalogue; units: 'all' | readonly string[] },
): Promise<OnTimeReport> {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const scope = { ...filter, units: options.units };
  const { outcomes, received } = await closureOutcomes(db, scope, { now: options.now, catalogue });
  const labels = await labelsOf(db, [...new Set(outcomes.map((outcome) => outcome.officer))]);
  const open = (await assessOpenCases(db, { now: options.now, catalogue })).filter((item) => matchesFilter(scope, item));
  const byUrgency = (a: QueueCase, b: QueueCase) => a.dueDate.localeCompare(b.dueDate) || a.caseNo.localeCompare(b.caseNo);
  return {
    generatedAt: options.now.toISOString(),
    filter,
    target: ON_TIME_TARGET,
    overall: rateRow('all', { zh: '全部', en: 'All' }, outcomes),
    byMonth: groupBy(outcomes, (o) => o.month, (key) => ({ zh: `${Number(key.slice(0, 4)) - 1911}年${Number(key.slice(5))}月`, en: key })),
    byUnit: groupBy(outcomes, (o) => o.unit, labels.unit),
    byOfficer: groupBy(outcomes, (o) => o.officer, labels.officer),
    byService: groupBy(outcomes, (o) => o.serviceId, (key) => serviceLabel(catalogue, key)),
    byChannel: groupBy(outcomes, (o) => o.channel, channelLabel),
    receivedByService: counts(received.map((r) => r.serviceId), (key) => serviceLabel(catalogue, key)),
    receivedByChannel: counts(received.map((r) => r.channel), channelLabel),
    overdue: open.filter((item) => item.risk === 'overdue').sort(byUrgency),
    atRisk: open.filter((item) => item.risk === 'at-risk').sort(byUrgency),
  };
}
