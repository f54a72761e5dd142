/**
 * The one catalogue draft (migration 017): the whole catalogue as the supervisors are editing it, the
 * version it started from, who saved it last and when. Invariant: what is returned parsed with the
 * catalogue's schema; a stored draft that no longer parses is treated as no draft.
 */
import { catalogueSchema } from '../../../shared/domain/catalogue';
import type { Catalogue } from '../../../shared/domain/catalogue';
import type { Queryable } from '../db/database';

export interface CatalogueDraft {
  catalogue: Catalogue;
  basedOn: string;
  editedBy: string;
  editedAt: Date;
}

export async function findCatalogueDraft(db: Queryable): Promise<CatalogueDraft | undefined> {
  const { rows } = await db.query<{ body: unknown; based_on: string; edited_by: string; edited_at: Date | string }>(
    'SELECT body, based_on, edited_by, edited_at FROM catalogue_draft WHERE id = 1',
  );
  const row = rows[0];
  if (!row) return undefined;
  const parsed = catalogueSchema.safeParse(typeof row.body === 'string' ? JSON.parse(row.body) : row.body);
  if (!parsed.success) return undefined;
  return { catalogue: parsed.data, basedOn: row.based_on, editedBy: row.edited_by, editedAt: new Date(row.edited_at) };
}

export async function saveCatalogueDraft(db: Queryable, draft: CatalogueDraft): Promise<void> {
  await db.query(
    `INSERT INTO catalogue_draft (id, body, based_on, edited_by, edited_at) VALUES (1, $1::jsonb, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, based_on = EXCLUDED.based_on, edited_by = EXCLUDED.edited_by, edited_at = EXCLUDED.edited_at`,
    [JSON.stringify(draft.catalogue), draft.basedOn, draft.editedBy, draft.editedAt],
  );
}

/**
 * Removes the draft; with `savedAt`, only the draft saved at that moment, so a publication never removes a
 * draft saved after it read one. False when there was no such draft.
 */
export async function deleteCatalogueDraft(db: Queryable, savedAt?: Date): Promise<boolean> {
  const { rowCount } = savedAt
    ? await db.query('DELETE FROM catalogue_draft WHERE id = 1 AND edited_at = $1', [savedAt])
    : await db.query('DELETE FROM catalogue_draft WHERE id = 1');
  return rowCount !== 0;
}
