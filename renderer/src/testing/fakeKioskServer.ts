import { onlineTicketNumber, type QueueGroupCode } from '../../../shared/domain/queueGroups';
import { issueTicketRequestSchema, type IssuedTicket, type IssueTicketRequest } from '../../../shared/schemas/ticketQueue';
import type { KioskStorage } from '../frontOffice/kiosk/kioskStorage';

/** A Storage kept in memory, as localStorage would keep it (strings only). */
export function memoryStorage(): KioskStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, String(value)),
    removeItem: (key) => void map.delete(key),
  };
}

export const SERVER = 'http://kiosk.test';

/** How the next request fares: answered, the network down, a 5xx, or stored and then the answer lost. */
export type FakeMode = 'up' | 'down' | 'error' | 'answer-lost' | 'revoked';

/**
 * The central server's kiosk routes as far as the kiosk sees them: POST /v1/kiosk/tickets, idempotent on
 * the ticket id, online numbers per group, an offline number kept and refused (409) when another id has
 * it; GET /v1/kiosk/status. `modes` is a queue of how the next requests fare, then `mode`.
 */
export class FakeKioskServer {
  mode: FakeMode = 'up';
  modes: FakeMode[] = [];
  readonly tickets = new Map<string, { request: IssueTicketRequest; number: string }>();
  /** Every issue request the server received, in order (the ids). */
  readonly received: string[] = [];
  private readonly last = new Map<QueueGroupCode, number>();

  readonly fetch = async (input: URL | string, init?: RequestInit): Promise<Response> => {
    const mode = this.modes.shift() ?? this.mode;
    if (mode === 'down') throw new TypeError('fetch failed');
    if (mode === 'error') return json(503, { error: { code: 'unavailable', message: 'database unavailable' } });
    if (mode === 'revoked') return json(403, { error: { code: 'device_revoked', message: 'revoked' } });
    const url = new URL(input);
    if (url.pathname === '/v1/kiosk/status') return json(200, { officeDay: '2026-03-02', kioskNo: 1, serverTime: '2026-03-02T01:00:00.000Z', groups: [] });
    if (url.pathname !== '/v1/kiosk/tickets' || init?.method !== 'POST') return json(404, { error: { code: 'not_found', message: 'no route' } });
    const request = issueTicketRequestSchema.parse(JSON.parse(String(init.body)));
    this.received.push(request.ticketId);
    const answer = this.issue(request);
    if (mode === 'answer-lost') throw new TypeError('fetch failed');
    return answer;
  };

  private issue(request: IssueTicketRequest): Response {
    const held = this.tickets.get(request.ticketId);
    if (held) return json(200, this.answer(request, held.number));
    const number = request.offline?.number ?? onlineTicketNumber(request.group, (this.last.get(request.group) ?? 0) + 1);
    if ([...this.tickets.values()].some((t) => t.number === number)) return json(409, { error: { code: 'conflict', message: `${number} was sent as another ticket` } });
    if (!request.offline) this.last.set(request.group, (this.last.get(request.group) ?? 0) + 1);
    this.tickets.set(request.ticketId, { request, number });
    return json(200, this.answer(request, number));
  }

  private answer(request: IssueTicketRequest, number: string): IssuedTicket {
    return {
      ticket: {
        id: request.ticketId, officeDay: '2026-03-02', number, group: request.group, priority: request.priority ?? null, source: 'kiosk', status: 'waiting',
        issuedAt: request.offline?.issuedAt ?? '2026-03-02T01:00:00.000Z', calledAt: null, finishedAt: null, counter: null, recalls: 0, plate: null, caseId: null,
      },
      ahead: this.tickets.size - 1,
      followUrl: `https://queue.example.tw/t/${request.ticketId}?v=${request.verifier}`,
    };
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
