/**
 * The open cases with their deadline assessment (shared/domain/atRiskRule.ts): what the supervisor's queue, the
 * overdue and at-risk lists and the deadline watcher all read, so the three never disagree.
 * Each service's usual stage times are learned from its cases decided in the last LEARNING_DAYS.
 * A case whose dates fall outside the office calendar is reported `unknown` rather than guessed.
 */
import { assessRisk, usualStageDays } from '../../../shared/domain/atRiskRule';
import { parseStored } from '../../../shared/schemas/parseStored';
import type { StageDays, StatusChange } from '../../../shared/domain/atRiskRule';
import { defaultCalendar } from '../../../shared/domain/calendar';
import type { OfficeCalendar } from '../../../shared/domain/calendar';
import { DEFAULT_UNIT, decisionLevelOf, defaultCatalogue, findService, handlingUnitOf } from '../../../shared/domain/catalogue';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { maskName } from '../../../shared/domain/masking';
import { taipeiDate } from '../../../shared/domain/rocDate';
import { applicantSchema, caseStatusSchema, channelSchema, checklistItemSchema } from '../../../shared/schemas/case';
import type { CaseStatus } from '../../../shared/schemas/case';
import { proposalSchema } from '../../../shared/schemas/caseDesk';
import type { QueueCase } from '../../../shared/schemas/supervision';
import type { Queryable } from '../db/database';
import { listEventsOfCases } from '../store/caseEventStore';
import { listUnits } from '../store/unitStore';
import type { CaseEvent } from '../store/caseEventStore';

/**
 * The cases still running against their processing limit. A decided case waiting to be handed over
 * (approved or rejected) is not among them: the limit is met or missed on the day of the decision, so
 * it can no longer be at risk of it; closed and withdrawn cases are done.
 */
export const openStatuses: readonly CaseStatus[] = ['received', 'awaiting-documents', 'in-review', 'pending-approval'];
const LEARNING_DAYS = 180;

/** An open case as the queue, the lists and the watcher see it. */
export type AssessedCase = QueueCase;

/** The columns of a `cases` row both the on-time report and the open-case assessments read. */
export interface ReportedCaseRow {
  id: string;
  service_id: string;
  channel: string;
  station_code: string;
  status: string;
  received_on: string;
  due_date: string;
}

interface OpenCaseRow extends ReportedCaseRow {
  case_no: string;
  applicant: unknown;
  checklist: unknown;
  sms_skipped: number;
  unit: string | null;
  assignee: string | null;
  assignee_name: string | null;
  proposal: unknown;
}

/** The handling unit of a case: its desk's, or for a case stored without one, its service's. */
export function handlingUnitOfCase(deskUnit: string | null, serviceId: string, catalogue: Catalogue): string {
  if (deskUnit) return deskUnit;
  const service = findService(catalogue, serviceId);
  return service ? handlingUnitOf(service) : DEFAULT_UNIT;
}

export const statusChanges = (events: readonly CaseEvent[]): StatusChange[] =>
  events.filter((event) => event.kind !== 'extension').map((event) => ({ at: event.at, to: event.to }));

/** Usual stage days of every service with decided cases lately, keyed by service id. */
export async function learnUsualStageDays(db: Queryable, now: Date, catalogue: Catalogue, calendar: OfficeCalendar): Promise<Map<string, StageDays>> {
  const { rows } = await db.query<{ id: string; service_id: string }>(
    `SELECT DISTINCT c.id, c.service_id FROM cases c JOIN case_events e ON e.case_id = c.id
      WHERE e.status_to IN ('approved', 'rejected') AND e.at >= $1::timestamptz - make_interval(days => $2)`,
    [now, LEARNING_DAYS],
  );
  const events = await listEventsOfCases(db, rows.map((row) => row.id));
  const byService = new Map<string, StatusChange[][]>();
  for (const row of rows) {
    const list = byService.get(row.service_id) ?? [];
    list.push(statusChanges(events.get(row.id) ?? []));
    byService.set(row.service_id, list);
  }
  const usual = new Map<string, StageDays>();
  for (const service of catalogue.services) {
    try {
      usual.set(service.id, usualStageDays(byService.get(service.id) ?? [], service.limit, calendar));
    } catch {
      // A history outside the calendar: fall back to the default split for this service.
      usual.set(service.id, usualStageDays([], service.limit, calendar));
    }
  }
  return usual;
}

export interface AssessOptions {
  now: Date;
  catalogue?: Catalogue;
  calendar?: OfficeCalendar;
}

export async function assessOpenCases(db: Queryable, options: AssessOptions): Promise<AssessedCase[]> {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const calendar = options.calendar ?? defaultCalendar;
  const today = taipeiDate(options.now);
  const { rows } = await db.query<OpenCaseRow>(
    `SELECT c.id, c.case_no, c.service_id, c.channel, c.station_code, c.status, c.received_on::text AS received_on,
            c.due_date::text AS due_date, c.applicant, c.checklist, c.unit, c.assignee, u.display_name AS assignee_name,
            c.desk -> 'proposal' AS proposal,
            (SELECT count(*)::int FROM notifications n WHERE n.case_id = c.id AND n.status = 'skipped') AS sms_skipped
       FROM cases c LEFT JOIN users u ON u.username = c.assignee
      WHERE c.status = ANY($1::text[]) AND c.server_seq IS NOT NULL AND c.deleted_at IS NULL
      ORDER BY c.due_date, c.case_no`,
    [openStatuses],
  );
  const events = await listEventsOfCases(db, rows.map((row) => row.id));
  const usual = await learnUsualStageDays(db, options.now, catalogue, calendar);
  const unitNames = new Map((await listUnits(db)).map((unit) => [unit.code, unit]));
  return rows.map((row) => {
    const status = caseStatusSchema.parse(row.status);
    const service = findService(catalogue, row.service_id);
    const checklist = parseStored(checklistItemSchema.array(), row.checklist);
    const caseEvents = events.get(row.id) ?? [];
    const history = statusChanges(caseEvents);
    const missingDocuments = checklist.filter((item) => item.state === 'missing').length;
    const everReturned = history.some((change) => change.to === 'awaiting-documents');
    let assessment: Pick<AssessedCase, 'risk' | 'remainingWorkingDays' | 'predictedDecisionOn' | 'daysInStage'>;
    try {
      const stageDays = usual.get(row.service_id) ?? { received: 0, 'in-review': 0, 'pending-approval': 0 };
      assessment = assessRisk({ status, receivedOn: row.received_on, dueDate: row.due_date, history, today, usual: stageDays, calendar });
    } catch {
      assessment = { risk: 'unknown', remainingWorkingDays: null, predictedDecisionOn: null, daysInStage: null };
    }
    const unit = handlingUnitOfCase(row.unit, row.service_id, catalogue);
    return {
      id: row.id,
      caseNo: row.case_no,
      serviceId: row.service_id,
      serviceNameZh: service?.nameZh ?? row.service_id,
      serviceNameEn: service?.nameEn ?? row.service_id,
      channel: channelSchema.parse(row.channel),
      unit,
      unitNameZh: unitNames.get(unit)?.nameZh ?? unit,
      unitNameEn: unitNames.get(unit)?.nameEn ?? unit,
      status,
      receivedOn: row.received_on,
      dueDate: row.due_date,
      applicantMasked: maskName(parseStored(applicantSchema, row.applicant).name),
      missingDocuments,
      extended: caseEvents.some((event) => event.kind === 'extension'),
      simple: missingDocuments === 0 && !everReturned,
      smsSkipped: row.sms_skipped,
      ...assessment,
      assignee: row.assignee,
      assigneeName: row.assignee ? (row.assignee_name ?? row.assignee) : null,
      proposal: row.proposal === null ? null : parseStored(proposalSchema.pick({ outcome: true, reasons: true }), row.proposal),
      decisionLevel: service ? decisionLevelOf(service) : 'chief',
    };
  });
}
