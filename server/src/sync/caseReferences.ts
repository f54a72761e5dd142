/**
 * The catalogue and calendar versions the server computes a case's clock with, looked up by the names
 * the case carries (docs/decisions/0028-due-dates-from-the-cases-versions.md).
 *
 * Invariants:
 * - A name means one body for ever: the built-in defaults are versions like the published ones, and a
 *   published version is never changed or removed (`npm run admin -- publish` refuses a name already
 *   used, the built-in ones' included), so a version once read is kept here for the life of the server.
 * - A name not found is not remembered: it may be published a moment later.
 * - A case without names (stored before cases carried them) is computed with the built-in defaults.
 */
import { OfficeCalendar, defaultCalendar } from '../../../shared/domain/calendar';
import type { Catalogue } from '../../../shared/domain/catalogue';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import type { CaseReference, ReferenceVersions } from '../../../shared/domain/caseDueDate';
import type { Queryable } from '../db/database';
import { findReferenceVersion, listReferenceVersionNames } from '../store/referenceVersionStore';

export interface UnknownVersion {
  kind: 'catalogue' | 'calendar';
  version: string;
}
export type NamedReference = { ok: true; reference: CaseReference } | { ok: false; unknown: UnknownVersion[] };

export const builtInReference: CaseReference = { catalogue: defaultCatalogue, calendar: defaultCalendar };

/** The value held under `version`, else what `load` finds, kept when found. */
async function remembered<T>(held: Map<string, T>, version: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  const known = held.get(version);
  if (known) return known;
  const found = await load();
  if (found) held.set(version, found);
  return found;
}

export class CaseReferences {
  private readonly catalogues = new Map<string, Catalogue>([[defaultCatalogue.version, defaultCatalogue]]);
  private readonly calendars = new Map<string, OfficeCalendar>([[defaultCalendar.version, defaultCalendar]]);

  private catalogue(db: Queryable, version: string): Promise<Catalogue | undefined> {
    return remembered(this.catalogues, version, () => findReferenceVersion(db, 'catalogue', version));
  }

  private calendar(db: Queryable, version: string): Promise<OfficeCalendar | undefined> {
    return remembered(this.calendars, version, async () => {
      const found = await findReferenceVersion(db, 'calendar', version);
      return found ? OfficeCalendar.fromData(found) : undefined;
    });
  }

  /** The pair these names stand for; when a name is not known, which ones were not. */
  async named(db: Queryable, versions: ReferenceVersions): Promise<NamedReference> {
    const [catalogue, calendar] = [await this.catalogue(db, versions.catalogue), await this.calendar(db, versions.calendar)];
    if (catalogue && calendar) return { ok: true, reference: { catalogue, calendar } };
    const unknown: UnknownVersion[] = [];
    if (!catalogue) unknown.push({ kind: 'catalogue', version: versions.catalogue });
    if (!calendar) unknown.push({ kind: 'calendar', version: versions.calendar });
    return { ok: false, unknown };
  }

  /**
   * The pair a stored case is computed with: the one it names, the defaults when it names none. A
   * stored case names only versions the server had when it stored it, and those are never removed,
   * so a name not found is a damaged database, not a device's mistake: it throws.
   */
  async ofCase(db: Queryable, versions: ReferenceVersions | undefined): Promise<CaseReference> {
    if (!versions) return builtInReference;
    const named = await this.named(db, versions);
    if (named.ok) return named.reference;
    throw new Error(`A stored case names ${named.unknown.map((u) => `${u.kind} ${u.version}`).join(' and ')}, which reference_versions no longer holds`);
  }

  /** Every pair the server knows: the built-in one first, then the published ones, newest first. */
  async everyPair(db: Queryable): Promise<CaseReference[]> {
    const [catalogueNames, calendarNames] = [await listReferenceVersionNames(db, 'catalogue'), await listReferenceVersionNames(db, 'calendar')];
    const catalogues = [defaultCatalogue];
    for (const name of catalogueNames) {
      const catalogue = await this.catalogue(db, name);
      if (catalogue && !catalogues.includes(catalogue)) catalogues.push(catalogue);
    }
    const calendars = [defaultCalendar];
    for (const name of calendarNames) {
      const calendar = await this.calendar(db, name);
      if (calendar && !calendars.includes(calendar)) calendars.push(calendar);
    }
    return catalogues.flatMap((catalogue) => calendars.map((calendar) => ({ catalogue, calendar })));
  }
}
