import { assessRisk, defaultStageDays, type StatusChange } from '../../../../shared/domain/atRiskRule';
import type { OfficeCalendar } from '../../../../shared/domain/calendar';
import type { Service } from '../../../../shared/domain/catalogue';
import type { CaseRecord } from '../../../../shared/schemas/case';
import type { QueueCase } from '../../../../shared/schemas/supervision';

/** What the desk shows of a case's deadline: the same facts the supervisor's queue shows (QueueDeadline). */
export type DeskDeadline = Pick<QueueCase, 'risk' | 'remainingWorkingDays' | 'predictedDecisionOn'>;

/**
 * When the case entered the stages the device can date: its receipt, and from its desk the proposal
 * (sent for approval) and a supervisor's return (back in review). A stage the device cannot date counts
 * from the receipt, as the rule itself does without history.
 */
function knownHistory(record: CaseRecord): StatusChange[] {
  const history: StatusChange[] = [{ at: new Date(record.receivedAt), to: 'received' }];
  const desk = record.desk;
  if (desk?.returned) history.push({ at: new Date(desk.returned.at), to: 'in-review' });
  if (desk?.proposal && record.status === 'pending-approval') history.push({ at: new Date(desk.proposal.at), to: 'pending-approval' });
  return history.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The at-risk rule (shared/domain/atRiskRule.ts) for a case on the desk, with what the device knows:
 * the service's default split of its limit over the stages (the server learns the usual times from
 * decided cases; the device does not hold them) and the stages it can date. Undefined for a decided case
 * awaiting its hand-over: the processing limit no longer runs for it. `unknown` for a service the
 * catalogue does not know or dates the calendar does not cover.
 */
export function deskDeadline(record: CaseRecord, service: Service | undefined, today: string, calendar: OfficeCalendar): DeskDeadline | undefined {
  if (record.status === 'approved' || record.status === 'rejected') return undefined;
  const unknown: DeskDeadline = { risk: 'unknown', remainingWorkingDays: null, predictedDecisionOn: null };
  if (!service) return unknown;
  try {
    const { risk, remainingWorkingDays, predictedDecisionOn } = assessRisk({
      status: record.status,
      receivedOn: record.receivedOn,
      dueDate: record.dueDate,
      history: knownHistory(record),
      today,
      usual: defaultStageDays(service.limit),
      calendar,
    });
    return { risk, remainingWorkingDays: risk === 'paused' ? null : remainingWorkingDays, predictedDecisionOn };
  } catch {
    return unknown;
  }
}
