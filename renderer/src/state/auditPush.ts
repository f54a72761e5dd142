import { auditPushResponseSchema } from '../../../shared/schemas/audit';
import { pushAuditEntries } from '../db/auditStore';
import { apiRequest, type ApiOptions } from '../sync/api';

/**
 * Pushes the device's pending local audit entries to POST /v1/audit/push; `api` carries the session
 * and the device credential like every sync request. Returns how many the server acknowledged.
 */
export function pushLocalAudit(api: ApiOptions): Promise<number> {
  return pushAuditEntries(async (entries) => (await apiRequest(api, 'POST', '/v1/audit/push', auditPushResponseSchema, { entries })).acknowledged);
}
