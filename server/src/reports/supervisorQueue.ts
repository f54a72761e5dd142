/**
 * The supervisor's queue, by authority (分層負責): the cases awaiting a decision this supervisor may
 * make (`mayDecideAt`: a chief-level service by the unit's chief or the director, a director-level one
 * by the director), the open cases at risk or overdue in the units they oversee, and this month's
 * on-time rate so far over those units, for the supervisor's home.
 */
import { mayDecideAt } from '../../../shared/domain/caseDesk';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { QueueCase, QueueFilter, SupervisorQueue } from '../../../shared/schemas/supervision';
import type { Queryable } from '../db/database';
import { listUnits } from '../store/unitStore';
import { assessOpenCases } from './caseAssessments';
import { closureOutcomes, rateRow } from './closureOutcomes';
import { oversees, requireOversight } from './oversight';
import type { Oversight } from './oversight';

const riskOrder: Record<QueueCase['risk'], number> = { overdue: 0, 'at-risk': 1, unknown: 2, paused: 3, 'on-track': 4 };

/** This month's rate from its first day to today, over the units overseen. */
async function onTimeThisMonth(db: Queryable, oversight: Oversight, now: Date, catalogue: Catalogue): Promise<NonNullable<SupervisorQueue['onTimeThisMonth']>> {
  const to = taipeiDate(now);
  const from = `${to.slice(0, 7)}-01`;
  const { outcomes } = await closureOutcomes(db, { from, to, units: oversight.units }, { now, catalogue });
  return { ...rateRow(to.slice(0, 7), { zh: '本月至今', en: 'This month so far' }, outcomes), from, to };
}

export async function buildSupervisorQueue(
  db: Queryable,
  oversight: Oversight,
  filter: QueueFilter,
  options: { now: Date; catalogue?: Catalogue },
): Promise<SupervisorQueue> {
  requireOversight(oversight, filter.unit);
  const catalogue = options.catalogue ?? defaultCatalogue;
  const mine = (await assessOpenCases(db, { now: options.now, catalogue })).filter((item) => oversees(oversight, item.unit));
  const cases = mine.filter(
    (item) => (!filter.unit || item.unit === filter.unit) && (!filter.service || item.serviceId === filter.service) && (!filter.dueBy || item.dueDate <= filter.dueBy),
  );
  const units = [...new Set(mine.map((item) => item.unit))].sort();
  return {
    generatedAt: options.now.toISOString(),
    pendingApproval: cases.filter((item) => item.status === 'pending-approval' && mayDecideAt(oversight.actor, item.decisionLevel, item.unit, item.assignee ?? undefined)),
    atRisk: cases
      .filter((item) => item.risk === 'at-risk' || item.risk === 'overdue')
      .sort((a, b) => riskOrder[a.risk] - riskOrder[b.risk] || a.dueDate.localeCompare(b.dueDate) || a.caseNo.localeCompare(b.caseNo)),
    units,
    unitNames: (await listUnits(db)).filter((unit) => units.includes(unit.code)),
    onTimeThisMonth: await onTimeThisMonth(db, oversight, options.now, catalogue),
  };
}
