/**
 * The supervisor's calls for the citizens' ratings and the complaints (陳情) opened from them
 * (server/src/routes/ratingRoutes.ts). Online only; every answer is parsed.
 */
import { petitionAnswerSchema, petitionListSchema, ratingAlertCountSchema, ratingAlertsSchema, ratingAnswerSchema } from '../../../../shared/schemas/visitRating';
import type { Petition, Rating } from '../../../../shared/schemas/visitRating';
import { apiRequest } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';

const dayQuery = (day: string | undefined) => (day ? `?day=${encodeURIComponent(day)}` : '');

/** The day's low ratings (the server's office day when `day` is absent). */
export function fetchRatingAlerts(api: ApiOptions, day?: string) {
  return apiRequest(api, 'GET', `/v1/supervisor/ratings/alerts${dayQuery(day)}`, ratingAlertsSchema);
}

/** How many of today's alerts nobody has acknowledged: the number on the workspace's tab. */
export async function fetchRatingAlertCount(api: ApiOptions): Promise<number> {
  return (await apiRequest(api, 'GET', '/v1/supervisor/ratings/alerts/count', ratingAlertCountSchema)).unacknowledged;
}

export async function acknowledgeRating(api: ApiOptions, ratingId: string): Promise<Rating> {
  return (await apiRequest(api, 'POST', `/v1/supervisor/ratings/${encodeURIComponent(ratingId)}/acknowledge`, ratingAnswerSchema, {})).rating;
}

export async function fetchPetitions(api: ApiOptions): Promise<Petition[]> {
  return (await apiRequest(api, 'GET', '/v1/supervisor/petitions', petitionListSchema)).petitions;
}

export async function openPetition(api: ApiOptions, ratingId: string, summary: string): Promise<Petition> {
  return (await apiRequest(api, 'POST', '/v1/supervisor/petitions', petitionAnswerSchema, { ratingId, summary })).petition;
}

export async function closePetition(api: ApiOptions, petitionId: string, resolution: string): Promise<Petition> {
  return (await apiRequest(api, 'POST', `/v1/supervisor/petitions/${encodeURIComponent(petitionId)}/close`, petitionAnswerSchema, { resolution })).petition;
}
