/**
 * The reference data this device last took from the server (service catalogue, office calendar),
 * kept in `meta` so the counter starts with it offline, and every earlier version it took, by name. Invariant: what is read back is parsed with
 * the shared schema; a missing or malformed row reads as undefined, so the caller keeps its default.
 */
import { OfficeCalendar } from '../../../shared/domain/calendar';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { parseCatalogue } from '../../../shared/domain/catalogue';
import { getDb, type CounterDeskDb } from './database';

const CATALOGUE_KEY = 'referenceCatalogue';
const CALENDAR_KEY = 'referenceCalendar';
// Every version taken is kept under its name: a case is computed with the versions it names
// (docs/decisions/0028-due-dates-from-the-cases-versions.md), also after a newer one arrives.
const KEPT_CATALOGUE = 'referenceCatalogue@';
const KEPT_CALENDAR = 'referenceCalendar@';

export async function loadStoredCatalogue(db: CounterDeskDb = getDb()): Promise<Catalogue | undefined> {
  const row = await db.meta.get(CATALOGUE_KEY);
  if (!row) return undefined;
  const parsed = parseCatalogue(row.value);
  return parsed.ok ? parsed.catalogue : undefined;
}

export async function loadStoredCalendar(db: CounterDeskDb = getDb()): Promise<OfficeCalendar | undefined> {
  const row = await db.meta.get(CALENDAR_KEY);
  if (!row) return undefined;
  try {
    return OfficeCalendar.fromData(row.value);
  } catch {
    return undefined;
  }
}

/** Stores the catalogue as the one in use, and keeps it under its version for the cases that name it. */
export async function storeCatalogue(catalogue: Catalogue, db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.bulkPut([
    { key: CATALOGUE_KEY, value: catalogue },
    { key: `${KEPT_CATALOGUE}${catalogue.version}`, value: catalogue },
  ]);
}

/** Stores the calendar as the one in use, and keeps it under its version for the cases that name it. */
export async function storeCalendar(calendar: OfficeCalendar, db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.bulkPut([
    { key: CALENDAR_KEY, value: calendar.toData() },
    { key: `${KEPT_CALENDAR}${calendar.version}`, value: calendar.toData() },
  ]);
}

/** Every catalogue version this device has taken (those that still parse). */
export async function loadKeptCatalogues(db: CounterDeskDb = getDb()): Promise<Catalogue[]> {
  const rows = await db.meta.where('key').startsWith(KEPT_CATALOGUE).toArray();
  return rows.flatMap((row) => {
    const parsed = parseCatalogue(row.value);
    return parsed.ok ? [parsed.catalogue] : [];
  });
}

/** Every calendar version this device has taken (those that still parse). */
export async function loadKeptCalendars(db: CounterDeskDb = getDb()): Promise<OfficeCalendar[]> {
  const rows = await db.meta.where('key').startsWith(KEPT_CALENDAR).toArray();
  return rows.flatMap((row) => {
    try {
      return [OfficeCalendar.fromData(row.value)];
    } catch {
      return [];
    }
  });
}
