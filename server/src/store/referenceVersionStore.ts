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

function parsedBody<K extends ReferenceKind>(kind: K, raw: unknown): ReferenceBody[K] | undefined {
  const body: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const parsed = schemaOf[kind].safeParse(body);
  return parsed.success ? (parsed.data as ReferenceBody[K]) : undefined;
}

/** How many of the newest rows are tried before giving up on a kind whose bodies no longer parse. */
const CANDIDATES = 10;

/** The most recently published version of `kind` that still parses, or undefined when none is. */
export async function latestReferenceVersion<K extends ReferenceKind>(db: Queryable, kind: K): Promise<ReferenceBody[K] | undefined> {
  const { rows } = await db.query<{ body: unknown }>(
    'SELECT body FROM reference_versions WHERE kind = $1 ORDER BY published_at DESC, version DESC LIMIT $2',
    [kind, CANDIDATES],
  );
  for (const row of rows) {
    const body = parsedBody(kind, row.body);
    if (body) return body;
  }
  return undefined;
}

/** The published version of `kind` with this name, or undefined when none is (or its body no longer parses). */
export async function findReferenceVersion<K extends ReferenceKind>(db: Queryable, kind: K, version: string): Promise<ReferenceBody[K] | undefined> {
  const { rows } = await db.query<{ body: unknown }>('SELECT body FROM reference_versions WHERE kind = $1 AND version = $2', [kind, version]);
  return rows[0] ? parsedBody(kind, rows[0].body) : undefined;
}

/** The names of every published version of `kind`, newest first. */
export async function listReferenceVersionNames(db: Queryable, kind: ReferenceKind): Promise<string[]> {
  const { rows } = await db.query<{ version: string }>('SELECT version FROM reference_versions WHERE kind = $1 ORDER BY published_at DESC, version DESC', [kind]);
  return rows.map((row) => row.version);
}

export interface NewReferenceVersion {
  kind: ReferenceKind;
  version: string;
  body: Catalogue | OfficeCalendarData;
  sha256: string;
  publishedBy: string;
  publishedAt: Date;
}

/** Stores a new version; false when the kind already has a version of that name (a name means one body). */
export async function insertReferenceVersion(db: Queryable, row: NewReferenceVersion): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO reference_versions (kind, version, body, sha256, published_by, published_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6)
     ON CONFLICT (kind, version) DO NOTHING`,
    [row.kind, row.version, JSON.stringify(row.body), row.sha256, row.publishedBy, row.publishedAt],
  );
  return rowCount !== 0;
}
