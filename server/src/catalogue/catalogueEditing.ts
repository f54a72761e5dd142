/**
 * Catalogue editing for the bureau (docs/decisions/0041-catalogue-editing.md): supervisors edit one draft
 * of the whole catalogue, preview what it changes against the published version and publish it as a new
 * version in reference_versions — the versions devices already pull. Every step is audited; every input
 * is checked with the catalogue's own schema and refused with the path of each problem.
 */
import { createHash } from 'node:crypto';
import { catalogueSchema, defaultCatalogue } from '../../../shared/domain/catalogue';
import type { Catalogue, Service } from '../../../shared/domain/catalogue';
import { diffCatalogues } from '../../../shared/domain/catalogueDiff';
import { catalogueDraftInputSchema } from '../../../shared/schemas/catalogueEditor';
import type { CatalogueEditing, CatalogueImport, CataloguePreview } from '../../../shared/schemas/catalogueEditor';
import type { Database, Queryable } from '../db/database';
import { DomainError, parseOrThrow } from '../domain/domainError';
import { appendAudit } from '../store/auditStore';
import { deleteCatalogueDraft, findCatalogueDraft, saveCatalogueDraft } from '../store/catalogueDraftStore';
import { insertReferenceVersion, latestReferenceVersion, listReferenceVersionNames } from '../store/referenceVersionStore';
import { readServicesFile } from './catalogueFiles';
import { nextCatalogueVersion, publicationInstant } from './catalogueVersionName';

export interface Editor {
  by: string;
  deviceId: string | null;
  now: Date;
}

const auditOf = (editor: Editor) => ({ at: editor.now, userName: editor.by, deviceId: editor.deviceId });

const publishedCatalogue = async (db: Queryable): Promise<Catalogue> => (await latestReferenceVersion(db, 'catalogue')) ?? defaultCatalogue;

/** The catalogue being edited: the draft, or the published version when nobody has saved one. */
export async function catalogueForEditing(db: Queryable): Promise<CatalogueEditing> {
  const published = await publishedCatalogue(db);
  const draft = await findCatalogueDraft(db);
  if (!draft) return { catalogue: published, publishedVersion: published.version };
  return { catalogue: draft.catalogue, publishedVersion: published.version, draft: { basedOn: draft.basedOn, editedBy: draft.editedBy, editedAt: draft.editedAt.toISOString() } };
}

async function storeDraft(db: Database, services: Service[], rest: Pick<Catalogue, 'commonDocuments' | 'deadlineRules'>, editor: Editor, audit: { action: string; details: Record<string, string | number | boolean | null> }) {
  const published = await publishedCatalogue(db);
  const current = await findCatalogueDraft(db);
  // Version and date are given at publication; until then the draft carries the published version's.
  const catalogue = parseOrThrow(catalogueSchema, { ...published, ...rest, services }, 'catalogue draft');
  await db.transaction(async (tx) => {
    await saveCatalogueDraft(tx, { catalogue, basedOn: current?.basedOn ?? published.version, editedBy: editor.by, editedAt: editor.now });
    await appendAudit(tx, { ...auditOf(editor), action: audit.action, details: { ...audit.details, services: services.length } });
  });
  return catalogueForEditing(db);
}

/** Saves the draft (replacing the one there is: there is one at a time). */
export async function saveDraft(db: Database, input: unknown, editor: Editor): Promise<CatalogueEditing> {
  const draft = parseOrThrow(catalogueDraftInputSchema, input, 'catalogue draft');
  return storeDraft(db, draft.services, draft, editor, { action: 'catalogue.draft-save', details: {} });
}

/** The services of an XLSX or CSV file become the draft's; the situation documents stay as they are. */
export async function importDraft(db: Database, file: CatalogueImport, editor: Editor): Promise<CatalogueEditing> {
  const services = await readServicesFile(file);
  const { catalogue } = await catalogueForEditing(db);
  const unverified = services.filter((s) => !s.verified).length;
  const rest = { commonDocuments: catalogue.commonDocuments, deadlineRules: catalogue.deadlineRules };
  return storeDraft(db, services, rest, editor, { action: 'catalogue.import', details: { format: file.format, unverified } });
}

export async function previewDraft(db: Database, editor: Editor): Promise<CataloguePreview> {
  const published = await publishedCatalogue(db);
  const draft = await findCatalogueDraft(db);
  const diff = diffCatalogues(published, draft?.catalogue ?? published);
  await db.transaction((tx) => appendAudit(tx, { ...auditOf(editor), action: 'catalogue.preview', details: { publishedVersion: published.version, changed: diff.changed.length, added: diff.added.length, removed: diff.removed.length } }));
  return { publishedVersion: published.version, diff };
}

/** Publishes the draft as the next version; refused when there is none or another version was published since it began. */
export async function publishDraft(db: Database, editor: Editor): Promise<{ version: string; publishedAt: string }> {
  const published = await publishedCatalogue(db);
  const draft = await findCatalogueDraft(db);
  if (!draft) throw new DomainError('not_found', 'There is no draft to publish: save one first');
  if (draft.basedOn !== published.version) {
    throw new DomainError('conflict', `Version ${published.version} was published after this draft began from ${draft.basedOn}: look at the preview again and save the draft before publishing`);
  }
  const names = [defaultCatalogue.version, ...(await listReferenceVersionNames(db, 'catalogue'))];
  const version = nextCatalogueVersion(names, editor.now);
  const publishedAt = publicationInstant(editor.now, published.publishedAt);
  const catalogue = catalogueSchema.parse({ ...draft.catalogue, version, publishedAt });
  const body = JSON.stringify(catalogue);
  const sha256 = createHash('sha256').update(body).digest('hex');
  const diff = diffCatalogues(published, catalogue);
  await db.transaction(async (tx) => {
    if (!(await insertReferenceVersion(tx, { kind: 'catalogue', version, body: catalogue, sha256, publishedBy: editor.by, publishedAt: new Date(publishedAt) }))) {
      throw new DomainError('conflict', `Catalogue version ${version} was published at the same moment: publish again`);
    }
    if (!(await deleteCatalogueDraft(tx, draft.editedAt))) {
      throw new DomainError('conflict', 'The draft was saved again while it was being published: look at the preview again and publish');
    }
    await appendAudit(tx, {
      ...auditOf(editor),
      action: 'catalogue.publish',
      details: { version, sha256, from: published.version, added: diff.added.map((s) => s.id).join(','), removed: diff.removed.map((s) => s.id).join(','), changed: diff.changed.map((s) => s.id).join(',') },
    });
  });
  return { version, publishedAt };
}

/** Throws the draft away; the published version is what is edited next. */
export async function discardDraft(db: Database, editor: Editor): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteCatalogueDraft(tx);
    await appendAudit(tx, { ...auditOf(editor), action: 'catalogue.draft-discard', details: {} });
  });
}

/** The audit of an export: who took the catalogue out, in what form. */
export async function auditExport(db: Database, editor: Editor, format: 'xlsx' | 'csv'): Promise<Catalogue> {
  const { catalogue } = await catalogueForEditing(db);
  await db.transaction((tx) => appendAudit(tx, { ...auditOf(editor), action: 'catalogue.export', details: { format, version: catalogue.version } }));
  return catalogue;
}
