/**
 * Reads the published versions of the reference data (service catalogue, office calendar) that
 * `npm run admin -- publish` writes to `reference_versions`. Invariant: what is returned parsed with
 * the shared schema; a stored body that no longer parses is skipped, never served.
 */
import { officeCalendarDataSchema } from '../../../shared/domain/calendar';
import type { OfficeCalendarData } from '../../../shared/domain/calendar';
import { catalogueSchema } from '../../../shared/domain/catalogue';
import type { Catalogue } from '../../../shared/domain/catalogue';
import type { Queryable } from '../db/database';

export type ReferenceKind = 'catalogue' | 'calendar';

interface ReferenceBody {
  catalogue: Catalogue;
  calendar: OfficeCalendarData;
}

const schemaOf = { catalogue: catalogueSchema, calendar: officeCalendarDataSchema } as const;

/** How many of the newest rows are tried before giving up on a kind whose bodies no longer parse. */
const CANDIDATES = 10;

/** The most recently published version of `kind` that still parses, or undefined when none is. */
export async function latestReferenceVersion<K extends ReferenceKind>(db: Queryable, kind: K): Promise<ReferenceBody[K] | undefined> {
  const { rows } = await db.query<{ body: unknown }>(
    'SELECT body FROM reference_versions WHERE kind = $1 ORDER BY published_at DESC, version DESC LIMIT $2',
    [kind, CANDIDATES],
  );
  for (const row of rows) {
    const body: unknown = typeof row.body === 'string' ? JSON.parse(row.body) : row.body;
    const parsed = schemaOf[kind].safeParse(body);
    if (parsed.success) return parsed.data as ReferenceBody[K];
  }
  return undefined;
}
