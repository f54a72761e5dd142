/**
 * The reference data this device last took from the server (service catalogue, office calendar),
 * kept in `meta` so the counter starts with it offline. Invariant: what is read back is parsed with
 * the shared schema; a missing or malformed row reads as undefined, so the caller keeps its default.
 */
import { OfficeCalendar } from '../../../shared/domain/calendar';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { parseCatalogue } from '../../../shared/domain/catalogue';
import { getDb, type CounterDeskDb } from './database';

const CATALOGUE_KEY = 'referenceCatalogue';
const CALENDAR_KEY = 'referenceCalendar';

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

export async function storeCatalogue(catalogue: Catalogue, db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.put({ key: CATALOGUE_KEY, value: catalogue });
}

export async function storeCalendar(calendar: OfficeCalendar, db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.put({ key: CALENDAR_KEY, value: calendar.toData() });
}
