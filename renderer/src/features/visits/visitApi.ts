/**
 * The field-visit calls to the central server. Downloading the plan and planning visits need the
 * server; sending outcomes happens after a sync (sendVisitOutcomes.ts). Every answer is parsed.
 */
import { fieldStaffListSchema, outcomeResponseSchema, visitListSchema, visitPlanSchema, visitSchema } from '../../../../shared/schemas/visit';
import type { Visit, VisitOutcome, VisitPlan, VisitPlanRequest } from '../../../../shared/schemas/visit';
import { apiRequest } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';

export function downloadPlan(options: ApiOptions, planDate: string): Promise<VisitPlan> {
  return apiRequest(options, 'GET', `/v1/visits/mine?date=${encodeURIComponent(planDate)}`, visitPlanSchema);
}

export function sendOutcome(options: ApiOptions, visitId: string, outcome: VisitOutcome) {
  return apiRequest(options, 'POST', `/v1/visits/${encodeURIComponent(visitId)}/outcome`, outcomeResponseSchema, outcome);
}

export function planVisit(options: ApiOptions, request: VisitPlanRequest): Promise<Visit> {
  return apiRequest(options, 'POST', '/v1/visits', visitSchema, request);
}

export async function listDayVisits(options: ApiOptions, planDate: string): Promise<Visit[]> {
  return (await apiRequest(options, 'GET', `/v1/visits?date=${encodeURIComponent(planDate)}`, visitListSchema)).visits;
}

export async function listFieldStaff(options: ApiOptions) {
  return (await apiRequest(options, 'GET', '/v1/visits/field-staff', fieldStaffListSchema)).staff;
}
