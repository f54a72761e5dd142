/**
 * The supervisors' catalogue editor (action `catalogue:edit`; docs/decisions/0041-catalogue-editing.md):
 * read the catalogue being edited, save the one draft, import or export it as XLSX/CSV, preview its
 * changes, publish it as the next version devices pull from GET /v1/catalogue. Each step audited by
 * catalogue/catalogueEditing.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { catalogueImportSchema } from '../../../shared/schemas/catalogueEditor';
import { servicesCsv, servicesXlsx } from '../catalogue/catalogueFiles';
import { auditExport, catalogueForEditing, discardDraft, importDraft, previewDraft, publishDraft, saveDraft } from '../catalogue/catalogueEditing';
import type { Editor } from '../catalogue/catalogueEditing';
import type { AppContext } from '../context/appContext';
import { parseOrThrow } from '../domain/domainError';
import { actorOf } from '../http/sessionOf';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const config = { action: 'catalogue:edit' } as const;
const formatSchema = z.object({ format: z.enum(['xlsx', 'csv']) });
/** An import's file travels base64 in JSON: 2 MB of file, a third more once encoded. */
const IMPORT_BODY_LIMIT = 3 * 1024 * 1024;

export function registerCatalogueEditRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const editorOf = (request: FastifyRequest): Editor => actorOf(request, context.now());

  app.get('/v1/catalogue-editor', { config }, async (_request, reply) => reply.code(200).send(await catalogueForEditing(db)));

  app.put('/v1/catalogue-editor/draft', { config }, async (request, reply) => reply.code(200).send(await saveDraft(db, request.body, editorOf(request))));

  app.delete('/v1/catalogue-editor/draft', { config }, async (request, reply) => {
    await discardDraft(db, editorOf(request));
    return reply.code(200).send(await catalogueForEditing(db));
  });

  app.post('/v1/catalogue-editor/import', { config, bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
    const file = parseOrThrow(catalogueImportSchema, request.body, 'imported file');
    return reply.code(200).send(await importDraft(db, file, editorOf(request)));
  });

  app.get('/v1/catalogue-editor/preview', { config }, async (request, reply) => reply.code(200).send(await previewDraft(db, editorOf(request))));

  app.post('/v1/catalogue-editor/publish', { config }, async (request, reply) => reply.code(201).send(await publishDraft(db, editorOf(request))));

  app.get('/v1/catalogue-editor/export', { config }, async (request, reply) => {
    const { format } = parseOrThrow(formatSchema, request.query, 'export format');
    const catalogue = await auditExport(db, editorOf(request), format);
    const name = `catalogue-${catalogue.version}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').code(200).send(servicesCsv(catalogue.services));
    return reply.header('content-type', XLSX_TYPE).code(200).send(await servicesXlsx(catalogue.services, context.now()));
  });
}
