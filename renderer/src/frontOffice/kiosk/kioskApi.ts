import { enrolResponseSchema, type EnrolRequest, type EnrolResponse } from '../../../../shared/schemas/device';
import { issuedTicketSchema, kioskStatusSchema, type IssuedTicket, type IssueTicketRequest, type KioskStatus } from '../../../../shared/schemas/ticketQueue';
import { ApiError, apiRequest, NetworkError } from '../../sync/api';
import { credentialHeaders, type KioskCredential } from './kioskCredential';
import type { SendOutcome } from './pendingTickets';

/** A citizen waits at the kiosk: a server that has not answered in this time is treated as away. */
const ISSUE_TIMEOUT_MS = 4_000;
const STATUS_TIMEOUT_MS = 8_000;

export interface KioskApi {
  status(): Promise<KioskStatus>;
  issue(request: IssueTicketRequest): Promise<IssuedTicket>;
}

export function kioskApi(serverUrl: string, credential: KioskCredential): KioskApi {
  const headers = credentialHeaders(credential);
  return {
    status: () => apiRequest({ serverUrl, headers, timeoutMs: STATUS_TIMEOUT_MS }, 'GET', '/v1/kiosk/status', kioskStatusSchema),
    issue: (request) => apiRequest({ serverUrl, headers, timeoutMs: ISSUE_TIMEOUT_MS }, 'POST', '/v1/kiosk/tickets', issuedTicketSchema, request),
  };
}

/** A workstation's code given to the kiosk: refused here, before the kiosk keeps any credential. */
export class NotAKioskCode extends Error {
  constructor() {
    super('This enrolment code is for a counter computer, not a ticket kiosk');
    this.name = 'NotAKioskCode';
  }
}

/**
 * Enrols as a kiosk: the server refuses a counter computer's code (which stays unused for one) before
 * it enrols anything; an answer that is not a kiosk's is refused here all the same.
 */
export async function enrolKiosk(serverUrl: string, request: Omit<EnrolRequest, 'kind'>): Promise<KioskCredential> {
  let answer: EnrolResponse;
  try {
    answer = await apiRequest({ serverUrl }, 'POST', '/v1/devices/enrol', enrolResponseSchema, { ...request, kind: 'kiosk' } satisfies EnrolRequest);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'validation_failed' && error.facts.issues?.some((issue) => issue.path === 'kind')) throw new NotAKioskCode();
    throw error;
  }
  if (answer.kind !== 'kiosk' || answer.kioskNo === undefined || answer.kioskNo === null) throw new NotAKioskCode();
  return { deviceId: answer.deviceId, deviceSecret: answer.deviceSecret, name: answer.name, kioskNo: answer.kioskNo };
}

const DEVICE_REFUSALS = new Set(['unauthorized', 'device_unknown', 'device_revoked', 'forbidden']);

/** How a failed call to the server is taken (see SendOutcome). */
export function sendOutcomeOf(error: unknown): SendOutcome {
  if (error instanceof NetworkError) return { kind: 'unreachable' };
  if (!(error instanceof ApiError)) return { kind: 'unreachable' };
  // The server took it but its answer could not be read: it holds the ticket all the same.
  if (error.status >= 200 && error.status < 300) return { kind: 'accepted' };
  if (error.status >= 500 || error.status === 429 || error.status === 408) return { kind: 'unreachable' };
  if (DEVICE_REFUSALS.has(error.code)) return { kind: 'blocked' };
  return { kind: 'refused', code: error.code };
}

/** Sends one ticket printed offline; never throws. */
export async function sendPendingTicket(api: Pick<KioskApi, 'issue'>, ticket: IssueTicketRequest): Promise<SendOutcome> {
  try {
    await api.issue(ticket);
    return { kind: 'accepted' };
  } catch (error) {
    return sendOutcomeOf(error);
  }
}
