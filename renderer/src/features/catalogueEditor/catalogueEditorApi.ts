/**
 * The supervisor's calls for editing the service catalogue (server/src/routes/catalogueEditRoutes.ts).
 * Online only; every answer is parsed.
 */
import type { Catalogue } from '../../../../shared/domain/catalogue';
import { catalogueEditingSchema, cataloguePreviewSchema, cataloguePublishedSchema } from '../../../../shared/schemas/catalogueEditor';
import type { CatalogueImport } from '../../../../shared/schemas/catalogueEditor';
import { apiRequest } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';
import { downloadReport } from '../reports/reportDownload';

export const fetchEditing = (api: ApiOptions) => apiRequest(api, 'GET', '/v1/catalogue-editor', catalogueEditingSchema);

export const saveDraft = (api: ApiOptions, catalogue: Pick<Catalogue, 'services' | 'commonDocuments' | 'deadlineRules'>) =>
  apiRequest(api, 'PUT', '/v1/catalogue-editor/draft', catalogueEditingSchema, { services: catalogue.services, commonDocuments: catalogue.commonDocuments, deadlineRules: catalogue.deadlineRules });

export const discardDraft = (api: ApiOptions) => apiRequest(api, 'DELETE', '/v1/catalogue-editor/draft', catalogueEditingSchema);

export const fetchPreview = (api: ApiOptions) => apiRequest(api, 'GET', '/v1/catalogue-editor/preview', cataloguePreviewSchema);

export const publishDraft = (api: ApiOptions) => apiRequest(api, 'POST', '/v1/catalogue-editor/publish', cataloguePublishedSchema, {});

export const importFile = (api: ApiOptions, file: CatalogueImport) =>
  apiRequest({ ...api, timeoutMs: 60_000 }, 'POST', '/v1/catalogue-editor/import', catalogueEditingSchema, file);

export const exportFile = (api: ApiOptions, format: 'xlsx' | 'csv', version: string) =>
  downloadReport(api, `/v1/catalogue-editor/export?format=${format}`, `catalogue-${version}.${format}`);

/** A chosen file as the import's body: its bytes base64, its format from its name. */
export async function importBody(file: File): Promise<CatalogueImport> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { format: /\.csv$/i.test(file.name) ? 'csv' : 'xlsx', content: btoa(binary) };
}
