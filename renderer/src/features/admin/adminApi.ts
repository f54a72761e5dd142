/**
 * The administrator's calls to the server (server/src/routes/adminRoutes.ts, adminUserRoutes.ts,
 * healthRoutes.ts, the audit routes); the account list is the units screen's (units/unitsApi.ts).
 * Online only: accounts and devices live on the server; every answer is parsed.
 */
import { z } from 'zod';
import { auditStatusSchema, type AuditStatus } from '../../../../shared/schemas/auditStatus';
import { devicesResponseSchema, enrolmentCodeAnswerSchema, pendingEnrolmentCodesSchema, revokeAnswerSchema } from '../../../../shared/schemas/deviceAdmin';
import type { DeviceKind } from '../../../../shared/schemas/device';
import type { DeviceSummary, EnrolmentCodeAnswer, PendingEnrolmentCode } from '../../../../shared/schemas/deviceAdmin';
import { serverHealthSchema, type ServerHealth } from '../../../../shared/schemas/serverHealth';
import { createdUserSchema, passwordResetAnswerSchema, userChangeAnswerSchema } from '../../../../shared/schemas/userAdmin';
import type { CreatedUser, NewUserRequest, UserChangeAnswer } from '../../../../shared/schemas/userAdmin';
import type { Role } from '../../../../shared/schemas/auth';
import { apiRequest, type ApiOptions } from '../../sync/api';

const userPath = (username: string) => `/v1/admin/users/${encodeURIComponent(username)}`;

export function createUser(api: ApiOptions, request: NewUserRequest): Promise<CreatedUser> {
  return apiRequest(api, 'POST', '/v1/admin/users', createdUserSchema, request);
}

export function changeRoles(api: ApiOptions, username: string, roles: Role[]): Promise<UserChangeAnswer> {
  return apiRequest(api, 'POST', `${userPath(username)}/roles`, userChangeAnswerSchema, { roles });
}

export function setDisabled(api: ApiOptions, username: string, disabled: boolean): Promise<UserChangeAnswer> {
  return apiRequest(api, 'POST', `${userPath(username)}/${disabled ? 'disable' : 'enable'}`, userChangeAnswerSchema);
}

/** A new password made by the server, answered once. */
export async function resetPassword(api: ApiOptions, username: string): Promise<string | undefined> {
  return (await apiRequest(api, 'POST', `${userPath(username)}/reset-password`, passwordResetAnswerSchema, {})).password;
}

export async function fetchDevices(api: ApiOptions): Promise<DeviceSummary[]> {
  return (await apiRequest(api, 'GET', '/v1/admin/devices', devicesResponseSchema)).devices;
}

export async function fetchPendingCodes(api: ApiOptions): Promise<PendingEnrolmentCode[]> {
  return (await apiRequest(api, 'GET', '/v1/admin/enrolment-codes', pendingEnrolmentCodesSchema)).codes;
}

export function createEnrolmentCode(api: ApiOptions, stationCode: string, kind: DeviceKind = 'workstation'): Promise<EnrolmentCodeAnswer> {
  return apiRequest(api, 'POST', '/v1/admin/enrolment-codes', enrolmentCodeAnswerSchema, { stationCode, kind });
}

export async function revokeDevice(api: ApiOptions, deviceId: string, reason: string): Promise<boolean> {
  return (await apiRequest(api, 'POST', `/v1/admin/devices/${encodeURIComponent(deviceId)}/revoke`, revokeAnswerSchema, { reason })).revoked;
}

export function fetchAuditStatus(api: ApiOptions): Promise<AuditStatus> {
  return apiRequest(api, 'GET', '/v1/admin/audit-status', auditStatusSchema);
}

export function writeAuditAnchor(api: ApiOptions): Promise<unknown> {
  return apiRequest(api, 'POST', '/v1/admin/audit-anchor', z.unknown(), {});
}

/** GET /v1/audit/verify: the whole chain walked now. */
export const auditVerificationSchema = z.union([
  z.object({ ok: z.literal(true), entries: z.number().int().nonnegative(), headHash: z.string() }),
  z.object({ ok: z.literal(false), entries: z.number().int().nonnegative(), seq: z.number().int(), problem: z.string() }),
]);
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export function verifyAuditChain(api: ApiOptions): Promise<AuditVerification> {
  return apiRequest(api, 'GET', '/v1/audit/verify', auditVerificationSchema, undefined);
}

export function fetchServerHealth(api: ApiOptions): Promise<ServerHealth> {
  return apiRequest(api, 'GET', '/v1/admin/health', serverHealthSchema);
}

/** The devices and the enrolment codes waiting to be used, for the devices screen. */
export async function fetchDeviceOverview(api: ApiOptions): Promise<{ devices: DeviceSummary[]; codes: PendingEnrolmentCode[] }> {
  const [devices, codes] = await Promise.all([fetchDevices(api), fetchPendingCodes(api)]);
  return { devices, codes };
}
