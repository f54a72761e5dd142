/**
 * The due date an intake brings, checked with the server's own computation on the catalogue and
 * calendar versions the case names (shared/domain/caseDueDate.ts, the rule the device ran). Decision
 * 0028: a name the server does not know is refused (`unknown_version`), a date that disagrees too
 * (`due_date_mismatch`); the case is stored naming the versions it was computed with.
 *
 * A case naming no versions comes from a device older than this rule, which computed with the
 * built-in versions or with one it had taken from the server: it is checked against every pair the
 * server knows (the built-in one first, then the published ones, newest first) and stored naming the
 * first pair that agrees, so every later step computes as that device did.
 */
import { CalendarMissingError } from '../../../shared/domain/calendar';
import type { CaseReference } from '../../../shared/domain/caseDueDate';
import { ServiceNotInCatalogueError, intakeDueDate, versionsOf } from '../../../shared/domain/caseDueDate';
import type { CaseRecord } from '../../../shared/schemas/case';
import type { Queryable } from '../db/database';
import type { CaseReferences } from './caseReferences';
import { builtInReference } from './caseReferences';
import type { MutationOutcome } from './mutationOutcome';
import { rejected } from './mutationOutcome';

export type IntakeClockCheck = { ok: true; record: CaseRecord; reference: CaseReference } | { ok: false; rejection: MutationOutcome };

type Computed = { ok: true; dueDate: string } | { ok: false; rejection: MutationOutcome };

function computed(record: CaseRecord, reference: CaseReference): Computed {
  const names = `catalogue ${reference.catalogue.version}, calendar ${reference.calendar.version}`;
  try {
    return { ok: true, dueDate: intakeDueDate(record, reference) };
  } catch (error) {
    if (error instanceof ServiceNotInCatalogueError) return { ok: false, rejection: rejected('unknown_service', error.message) };
    if (error instanceof CalendarMissingError || error instanceof RangeError) {
      return { ok: false, rejection: rejected('invalid_dates', `No due date can be computed for case ${record.caseNo} (${names}): ${error.message}`) };
    }
    throw error;
  }
}

function mismatch(record: CaseRecord, expected: string, reference: CaseReference): MutationOutcome {
  return rejected(
    'due_date_mismatch',
    `Case ${record.caseNo} brings due date ${record.dueDate}; catalogue ${reference.catalogue.version} and calendar ${reference.calendar.version} give ${expected}`,
  );
}

async function checkNamed(db: Queryable, record: CaseRecord, versions: NonNullable<CaseRecord['versions']>, references: CaseReferences): Promise<IntakeClockCheck> {
  const named = await references.named(db, versions);
  if (!named.ok) {
    const which = named.unknown.map((u) => `${u.kind} ${u.version}`).join(' and ');
    return { ok: false, rejection: rejected('unknown_version', `Case ${record.caseNo} was computed with ${which}, which this server does not have`) };
  }
  const result = computed(record, named.reference);
  if (!result.ok) return result;
  if (result.dueDate !== record.dueDate) return { ok: false, rejection: mismatch(record, result.dueDate, named.reference) };
  return { ok: true, record, reference: named.reference };
}

async function checkUnnamed(db: Queryable, record: CaseRecord, references: CaseReferences): Promise<IntakeClockCheck> {
  const named = (reference: CaseReference): IntakeClockCheck => ({ ok: true, record: { ...record, versions: versionsOf(reference) }, reference });
  const builtIn = computed(record, builtInReference);
  if (builtIn.ok && builtIn.dueDate === record.dueDate) return named(builtInReference);
  // Only when the built-in pair disagrees are the published ones read.
  for (const reference of await references.everyPair(db)) {
    const result = computed(record, reference);
    if (result.ok && result.dueDate === record.dueDate) return named(reference);
  }
  // Refused with the built-in pair's reason.
  return { ok: false, rejection: builtIn.ok ? mismatch(record, builtIn.dueDate, builtInReference) : builtIn.rejection };
}

/** The intake as the server stores it (naming its versions) and the pair it was computed with, or its rejection. */
export function checkIntakeDueDate(db: Queryable, record: CaseRecord, references: CaseReferences): Promise<IntakeClockCheck> {
  return record.versions ? checkNamed(db, record, record.versions, references) : checkUnnamed(db, record, references);
}
