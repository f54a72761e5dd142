/**
 * The supervisor's reads from the central server: the queue and a case's messages. Online only; a
 * NetworkError tells the screen to say so rather than show stale data.
 */
import { caseNotificationsSchema, supervisorQueueSchema } from '../../../../shared/schemas/supervision';
import type { QueueFilter, SupervisorQueue } from '../../../../shared/schemas/supervision';
import { apiRequest } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';

export function queryString(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function fetchQueue(options: ApiOptions, filter: QueueFilter): Promise<SupervisorQueue> {
  return apiRequest(options, 'GET', `/v1/supervisor/queue${queryString(filter)}`, supervisorQueueSchema);
}

export async function fetchCaseNotifications(options: ApiOptions, caseId: string) {
  return (await apiRequest(options, 'GET', `/v1/supervisor/cases/${encodeURIComponent(caseId)}/notifications`, caseNotificationsSchema)).notifications;
}
