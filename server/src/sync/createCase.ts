/**
 * `createCase`: the intake record made on a device becomes the server's case.
 *
 * Invariants:
 * - The case number parses, is in canonical form, and names the station of the device that pushes
 *   it. Installs of a station number cases from blocks the server reserves for each (decision 0016);
 *   the unique case number is the last guard. Numbers outside the install's blocks are accepted: an
 *   older version of the app numbered cases from a counter of its own, and that intake must still land.
 * - The channel fits the person (shared/domain/intakeChannel.ts): only officers and supervisors open
 *   a case on the bureau's own initiative; a referral names its referrer.
 * - Creating is idempotent by content: the same intake arriving twice (a reinstalled client pushing
 *   again under a new clientId) is `applied` without a second row; another case under the same case
 *   number is `rejected` with `case_no_taken`, a different case under the same id with `case_conflict`,
 *   and the stored case is left untouched.
 * - The due date is the one the catalogue and calendar versions the case names give (decision 0028,
 *   checkIntakeDueDate.ts); the case is stored naming them, and routed by its service in that catalogue.
 * - `applyCreateCases` gives, for a run of consecutive createCase mutations, the outcomes that applying
 *   them one by one in order would give, with one INSERT for the run instead of one per case.
 */
import { parseCaseNo } from '../../../shared/domain/caseNumber';
import { isValidIsoDate } from '../../../shared/domain/isoDate';
import type { CaseReference } from '../../../shared/domain/caseDueDate';
import { DEFAULT_UNIT, findService, handlingUnitOf } from '../../../shared/domain/catalogue';
import { channelRefusal } from '../../../shared/domain/intakeChannel';
import type { CaseRecord, CaseStatus } from '../../../shared/schemas/case';
import type { Queryable } from '../db/database';
import { messageFactsOf } from '../notifications/recordCaseEvent';
import { findCasesByIdOrCaseNo, insertCasesIfAbsent, sameIntake } from '../store/caseStore';
import { finishTicketsWithCases } from '../store/caseTickets';
import { checkIntakeDueDate } from './checkIntakeDueDate';
import type { MutationContext, MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';

/** The states an intake can hand over in: received, or received with documents still missing (補正). */
const initialStatuses: readonly CaseStatus[] = ['received', 'awaiting-documents'];

function validate(record: CaseRecord, context: MutationContext): MutationOutcome | undefined {
  const parsed = parseCaseNo(record.caseNo);
  if (!parsed.ok) return rejected('invalid_case_no', `Case number ${record.caseNo} is not valid: ${parsed.message.en}`);
  if (parsed.normalized !== record.caseNo) {
    return rejected('invalid_case_no', `Case number ${record.caseNo} is not in canonical form (${parsed.normalized})`);
  }
  if (record.stationCode !== context.session.stationCode || parsed.parts.stationCode !== context.session.stationCode) {
    return rejected(
      'station_mismatch',
      `Case ${record.caseNo} names station ${parsed.parts.stationCode} (record: ${record.stationCode}) but this device is station ${context.session.stationCode}`,
    );
  }
  if (!initialStatuses.includes(record.status)) {
    return rejected('invalid_initial_status', `A new case must be received or awaiting documents, not ${record.status}`);
  }
  if (!isValidIsoDate(record.receivedOn) || !isValidIsoDate(record.dueDate)) {
    return rejected('invalid_dates', 'The received or due date does not exist in the calendar');
  }
  if (record.dueDate < record.receivedOn) {
    return rejected('invalid_dates', `The due date ${record.dueDate} is before the received date ${record.receivedOn}`);
  }
  const channel = channelRefusal(record, context.session.roles);
  if (channel) return rejected(channel.code, `${channel.message.zh} ${channel.message.en} (case ${record.caseNo})`);
  return undefined;
}

/** The case with the desk of the unit its service names in the case's catalogue, and nothing else of a desk. */
function routeToUnit(record: CaseRecord, reference: CaseReference): CaseRecord {
  const service = findService(reference.catalogue, record.serviceId);
  return { ...record, desk: { unit: service ? handlingUnitOf(service) : DEFAULT_UNIT, notes: [] } };
}

type Checked = { ok: true; record: CaseRecord } | { ok: false; rejection: MutationOutcome };

/** Each record as it is stored (routed, naming its versions), or its rejection. */
async function checkAll(tx: Queryable, records: readonly CaseRecord[], context: MutationContext): Promise<Checked[]> {
  const checked: Checked[] = [];
  for (const record of records) {
    const invalid = validate(record, context);
    if (invalid) {
      checked.push({ ok: false, rejection: invalid });
      continue;
    }
    const clock = await checkIntakeDueDate(tx, record, context.references);
    checked.push(clock.ok ? { ok: true, record: routeToUnit(clock.record, clock.reference) } : clock);
  }
  return checked;
}

/** One createCase on its own: the run of one record. */
export async function applyCreateCase(tx: Queryable, record: CaseRecord, context: MutationContext): Promise<MutationOutcome> {
  const [outcome] = await applyCreateCases(tx, [record], context);
  if (!outcome) throw new Error(`No outcome for case ${record.id}`);
  return outcome;
}

function created(record: CaseRecord): MutationOutcome {
  return {
    status: 'applied',
    changedCaseIds: [record.id],
    event: { caseId: record.id, from: null, to: record.status, caseAfter: messageFactsOf(record) },
    audit: { action: 'case.create', caseId: record.id, details: { caseNo: record.caseNo, serviceId: record.serviceId, ...(record.ticket ? { ticket: record.ticket.number } : {}) } },
  };
}

/** The record was not inserted: the same intake again is applied (without a second row), else a conflict. */
async function notInserted(tx: Queryable, record: CaseRecord): Promise<MutationOutcome> {
  const existing = await findCasesByIdOrCaseNo(tx, record.id, record.caseNo);
  if (existing.length === 1 && existing[0] && sameIntake(existing[0].record, record)) {
    return { status: 'applied', changedCaseIds: [] };
  }
  if (existing.some((stored) => stored.record.caseNo === record.caseNo && stored.record.id !== record.id)) {
    // Refused alone: consumed like any rejection, so the device never sends it again, and the
    // mutations after it apply (decision 0016).
    return rejected(
      'case_no_taken',
      `Case number ${record.caseNo} already belongs to another case; this case (${record.id}) was not stored. Take it again to give it a new number`,
    );
  }
  return rejected(
    'case_conflict',
    `Another case already holds id ${record.id} or case number ${record.caseNo}; the server's copy was kept`,
  );
}

/**
 * The queue tickets the new cases were taken in from are done with them (store/caseTickets.ts: only a
 * ticket this station called). A case naming another counter's ticket is stored all the same.
 */
async function finishTickets(tx: Queryable, created: readonly CaseRecord[], context: MutationContext): Promise<void> {
  const links = created.flatMap((record) =>
    record.ticket ? [{ ticketId: record.ticket.ticketId, caseId: record.id, stationCode: context.session.stationCode, finishedAt: record.receivedAt }] : [],
  );
  await finishTicketsWithCases(tx, links);
}

/** The outcome of each record, in order, as `applyCreateCase` one after another would give it. */
export async function applyCreateCases(tx: Queryable, records: readonly CaseRecord[], context: MutationContext): Promise<MutationOutcome[]> {
  // Routed here, when the server first sees the case: the desk is the server's, whatever the device sent.
  const checked = await checkAll(tx, records, context);
  const inserted = await insertCasesIfAbsent(
    tx,
    checked.flatMap((check) => (check.ok ? [check.record] : [])),
    context.now,
  );
  await finishTickets(tx, records.filter((record) => inserted.has(record.id)), context);
  const outcomes: MutationOutcome[] = [];
  for (const [index, record] of records.entries()) {
    const check = checked[index];
    if (!check) throw new Error(`No check for case ${record.id}`);
    if (!check.ok) {
      outcomes.push(check.rejection);
    } else if (inserted.delete(record.id)) {
      // Only the first valid record with this id can have been the one inserted (rows go in order).
      outcomes.push(created(record));
    } else {
      outcomes.push(await notInserted(tx, record));
    }
  }
  return outcomes;
}
