/**
 * The administrator's calls for units and their people (server/src/routes/unitRoutes.ts). Online only:
 * units are reference data the server keeps; every answer is parsed.
 */
import { usersResponseSchema } from '../../../../shared/schemas/auth';
import type { UserSummary } from '../../../../shared/schemas/auth';
import { unitAnswerSchema, unitMemberAnswerSchema, unitMemberRemovedSchema, unitsResponseSchema } from '../../../../shared/schemas/unit';
import type { Unit, UnitMemberRequest, UnitNames, UnitsResponse } from '../../../../shared/schemas/unit';
import { apiRequest } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';

const unitPath = (code: string) => `/v1/admin/units/${encodeURIComponent(code)}`;

export function fetchUnits(api: ApiOptions): Promise<UnitsResponse> {
  return apiRequest(api, 'GET', '/v1/units', unitsResponseSchema);
}

export async function fetchUsers(api: ApiOptions): Promise<UserSummary[]> {
  return (await apiRequest(api, 'GET', '/v1/admin/users', usersResponseSchema)).users;
}

export async function createUnit(api: ApiOptions, unit: Unit): Promise<Unit> {
  return (await apiRequest(api, 'POST', '/v1/admin/units', unitAnswerSchema, unit)).unit;
}

export async function renameUnit(api: ApiOptions, code: string, names: UnitNames): Promise<Unit> {
  return (await apiRequest(api, 'PATCH', unitPath(code), unitAnswerSchema, names)).unit;
}

export function addUnitMember(api: ApiOptions, code: string, request: UnitMemberRequest) {
  return apiRequest(api, 'POST', `${unitPath(code)}/members`, unitMemberAnswerSchema, request);
}

export async function removeUnitMember(api: ApiOptions, code: string, request: UnitMemberRequest): Promise<void> {
  await apiRequest(api, 'DELETE', `${unitPath(code)}/members/${encodeURIComponent(request.username)}/${request.position}`, unitMemberRemovedSchema);
}
