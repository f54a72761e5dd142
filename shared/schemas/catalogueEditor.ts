/**
 * The catalogue editor's wire format (docs/decisions/0041-catalogue-editing.md): the catalogue being edited
 * (the draft, or the published version when there is none), the draft's differences from the published
 * version, and an import's file. Both ends parse with these schemas.
 */
import { z } from 'zod';
import { catalogueSchema, serviceSchema } from '../domain/catalogue';

export const catalogueDraftInfoSchema = z.object({
  basedOn: z.string(),
  editedBy: z.string(),
  editedAt: z.iso.datetime({ offset: true }),
});
export type CatalogueDraftInfo = z.infer<typeof catalogueDraftInfoSchema>;

export const catalogueEditingSchema = z.object({
  catalogue: catalogueSchema,
  publishedVersion: z.string(),
  /** Absent: no draft, `catalogue` is the published version. */
  draft: catalogueDraftInfoSchema.optional(),
});
export type CatalogueEditing = z.infer<typeof catalogueEditingSchema>;

/** What a draft save sends: the services and the situation documents; version and date are the server's. */
export const catalogueDraftInputSchema = z.object({
  services: catalogueSchema.shape.services,
  commonDocuments: catalogueSchema.shape.commonDocuments,
  deadlineRules: catalogueSchema.shape.deadlineRules,
});
export type CatalogueDraftInput = z.infer<typeof catalogueDraftInputSchema>;

const namedSchema = z.object({ id: z.string(), nameZh: z.string() });
export const catalogueDiffSchema = z.object({
  added: z.array(namedSchema),
  removed: z.array(namedSchema),
  changed: z.array(namedSchema.extend({ fields: z.array(z.object({ field: serviceSchema.keyof(), before: z.unknown(), after: z.unknown() })) })),
  commonChanged: z.boolean(),
});

export const cataloguePreviewSchema = z.object({ publishedVersion: z.string(), diff: catalogueDiffSchema });
export type CataloguePreview = z.infer<typeof cataloguePreviewSchema>;

export const cataloguePublishedSchema = z.object({ version: z.string(), publishedAt: z.iso.datetime({ offset: true }) });

export const catalogueImportSchema = z.object({
  format: z.enum(['xlsx', 'csv']),
  /** The file's bytes, base64; 2 MB of file is far more than the bureau's few hundred services. */
  content: z.base64().max(2_800_000),
});
export type CatalogueImport = z.infer<typeof catalogueImportSchema>;
