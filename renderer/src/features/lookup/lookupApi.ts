import { caseLookupResponseSchema } from '../../../../shared/schemas/caseLookup';
import type { CaseLookupRequest, CaseLookupResponse } from '../../../../shared/schemas/caseLookup';
import { apiRequest, type ApiOptions } from '../../sync/api';

/** The online lookup (decision 0030): the answer lives in the caller's memory only, never in IndexedDB. */
export function lookUpCases(api: ApiOptions, request: CaseLookupRequest): Promise<CaseLookupResponse> {
  return apiRequest(api, 'POST', '/v1/cases/lookup', caseLookupResponseSchema, request);
}
