/**
 * The lane's list when the server's queue answers (decision 0013, docs/decisions/0036-front-office-queue.md):
 * the server's cars of group L, in calling order, with the car this window serves kept on this computer
 * as well, and the cars of this computer's own list (added while the queue was away) after them.
 */
import type { Ticket } from '../../../../shared/schemas/ticketQueue';
import type { LaneCar } from '../../db/laneStore';
import { caseTicketOf } from '../queue/counterQueueModel';

export interface ListedCar extends LaneCar {
  /** From the server's queue, or this computer's own list only. */
  source: 'server' | 'local';
  /** This window serves it (a server car called elsewhere is only shown). */
  mine: boolean;
}

/** The day's number of a lane ticket ("L007" → 7), the number an unnamed car is called by. */
export function ticketSequence(number: string): number {
  return Number(/(\d+)$/.exec(number)?.[1] ?? '1') || 1;
}

/** A server ticket as the lane's car. */
export function carOfTicket(ticket: Ticket): LaneCar {
  const caseTicket = caseTicketOf(ticket);
  return {
    id: ticket.id,
    number: ticketSequence(ticket.number),
    ...(ticket.plate ? { plate: ticket.plate } : {}),
    arrivedAt: ticket.issuedAt,
    state: ticket.status === 'called' ? 'in-service' : 'waiting',
    ...(ticket.calledAt ? { takenAt: ticket.calledAt } : {}),
    ...(caseTicket ? { ticket: caseTicket } : {}),
  };
}

const stillInLane = (car: LaneCar) => car.state === 'waiting' || car.state === 'in-service';

/**
 * What the lane shows. Online: the server's cars (a car this window finished or removed is left out
 * before the server has heard), then this window's called cars the server no longer lists (receipt not
 * printed yet), then the cars only this computer holds. Offline (`server` undefined): this computer's list.
 */
export function listedCars(server: readonly Ticket[] | undefined, local: readonly LaneCar[]): ListedCar[] {
  const localById = new Map(local.map((car) => [car.id, car]));
  if (!server) return local.filter(stillInLane).map((car) => ({ ...car, source: car.ticket ? 'server' : 'local', mine: true }));
  const fromServer = server.flatMap((ticket): ListedCar[] => {
    const kept = localById.get(ticket.id);
    if (kept && !stillInLane(kept)) return [];
    return [{ ...carOfTicket(ticket), ...(kept ?? {}), source: 'server', mine: kept !== undefined }];
  });
  const listed = new Set(server.map((ticket) => ticket.id));
  const keptOnly = local.filter((car) => stillInLane(car) && !listed.has(car.id)).map((car): ListedCar => ({ ...car, source: car.ticket ? 'server' : 'local', mine: true }));
  return [...fromServer, ...keptOnly];
}
