/**
 * The service catalogue and office calendar the renderer works with, held in memory so every caller
 * reads them synchronously. They start as the versions built into the app, are replaced at start-up
 * by the ones stored on the device, and after each successful sync by the ones the server publishes.
 *
 * Invariant: a version only ever replaces an older one (catalogue by `publishedAt`, calendar by its
 * version string), and it is stored before it is used, so a reload never goes back to an older one.
 * The versions replaced stay held by name, for the cases that name them.
 * A malformed or older answer is ignored.
 */
import type { z } from 'zod';
import { OfficeCalendar, defaultCalendar, officeCalendarDataSchema } from '../../../shared/domain/calendar';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { catalogueSchema, defaultCatalogue, isNewerCatalogue } from '../../../shared/domain/catalogue';
import type { CaseReference, ReferenceVersions } from '../../../shared/domain/caseDueDate';
import { getDb, type CounterDeskDb } from '../db/database';
import { loadKeptCalendars, loadKeptCatalogues, loadStoredCalendar, loadStoredCatalogue, storeCalendar, storeCatalogue } from '../db/referenceStore';
import { ApiError, apiRequest, type ApiOptions } from '../sync/api';

let catalogue: Catalogue = defaultCatalogue;
let calendar: OfficeCalendar = defaultCalendar;
/** Every version held, by name: the built-in ones and each one taken since. */
const catalogues = new Map<string, Catalogue>();
const calendars = new Map<string, OfficeCalendar>();

function keep(taken: { catalogues?: readonly Catalogue[]; calendars?: readonly OfficeCalendar[] }): void {
  for (const c of taken.catalogues ?? []) catalogues.set(c.version, c);
  for (const c of taken.calendars ?? []) calendars.set(c.version, c);
}
keep({ catalogues: [defaultCatalogue], calendars: [defaultCalendar] });

export function getCatalogue(): Catalogue {
  return catalogue;
}

export function getCalendar(): OfficeCalendar {
  return calendar;
}

/** The versions a new case is taken with: the newest held. */
export function heldReference(): CaseReference {
  return { catalogue, calendar };
}

/**
 * The versions a case's clock is computed with on this device: the ones it names (decision 0028), or
 * the built-in ones for a case that names none, as the server does. A case taken on another device
 * may name a version this one never took; the newest held stands in for it until the server's copy
 * of the case, computed with the named one, is pulled.
 */
export function referenceFor(versions: ReferenceVersions | undefined): CaseReference {
  if (!versions) return { catalogue: defaultCatalogue, calendar: defaultCalendar };
  return { catalogue: catalogues.get(versions.catalogue) ?? catalogue, calendar: calendars.get(versions.calendar) ?? calendar };
}

/** Back to the built-in versions (tests, and a device whose data was wiped). */
export function resetReferenceData(): void {
  catalogue = defaultCatalogue;
  calendar = defaultCalendar;
  catalogues.clear();
  calendars.clear();
  keep({ catalogues: [defaultCatalogue], calendars: [defaultCalendar] });
}

/**
 * Orders calendar versions ("2024-2027.1" < "2024-2027.2" < "2025-2028.1"): runs of digits compare
 * as numbers, everything else as text.
 */
export function compareCalendarVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

export function isNewerCalendar(candidate: OfficeCalendar, current: OfficeCalendar): boolean {
  return compareCalendarVersions(candidate.version, current.version) > 0;
}

/** Takes the versions stored on this device when they are newer than what is held. */
export async function loadReferenceData(db: CounterDeskDb = getDb()): Promise<void> {
  const [storedCatalogue, storedCalendar, keptCatalogues, keptCalendars] = await Promise.all([
    loadStoredCatalogue(db),
    loadStoredCalendar(db),
    loadKeptCatalogues(db),
    loadKeptCalendars(db),
  ]);
  // The kept ones first: the one in use, stored before versions were kept too, is the last word on its name.
  keep({ catalogues: keptCatalogues, calendars: keptCalendars });
  keep({ catalogues: storedCatalogue ? [storedCatalogue] : [], calendars: storedCalendar ? [storedCalendar] : [] });
  if (storedCatalogue && isNewerCatalogue(storedCatalogue, catalogue)) catalogue = storedCatalogue;
  if (storedCalendar && isNewerCalendar(storedCalendar, calendar)) calendar = storedCalendar;
}

export interface ReferenceRefresh {
  catalogue: boolean;
  calendar: boolean;
}

/**
 * Fetches what the server answers at `path`; undefined when there is nothing to take: 304 (the
 * device holds that version), a malformed body, or a server without the route. Other failures
 * (network, a refused session or device) propagate like any sync error.
 */
async function fetchReference<S extends z.ZodType>(api: ApiOptions, path: string, heldVersion: string, schema: S): Promise<z.infer<S> | undefined> {
  // The server's ETag is the version, quoted and percent-encoded.
  const headers = { ...api.headers, 'if-none-match': `"${encodeURIComponent(heldVersion)}"` };
  try {
    return await apiRequest({ ...api, headers }, 'GET', path, schema);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 304 || error.status === 404 || error.code === 'bad_response')) return undefined;
    throw error;
  }
}

/** After a sync: take newer published versions from the server, storing them first. Says what changed. */
export async function refreshReferenceData(api: ApiOptions, db: CounterDeskDb = getDb()): Promise<ReferenceRefresh> {
  const changed: ReferenceRefresh = { catalogue: false, calendar: false };
  const published = await fetchReference(api, '/v1/catalogue', catalogue.version, catalogueSchema);
  if (published && isNewerCatalogue(published, catalogue)) {
    await storeCatalogue(published, db);
    catalogue = published;
    keep({ catalogues: [published] });
    changed.catalogue = true;
  }
  const calendarData = await fetchReference(api, '/v1/calendar', calendar.version, officeCalendarDataSchema);
  const publishedCalendar = calendarData === undefined ? undefined : OfficeCalendar.fromData(calendarData);
  if (publishedCalendar && isNewerCalendar(publishedCalendar, calendar)) {
    await storeCalendar(publishedCalendar, db);
    calendar = publishedCalendar;
    keep({ calendars: [publishedCalendar] });
    changed.calendar = true;
  }
  return changed;
}
