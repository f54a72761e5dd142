import { useCallback, useEffect, useRef, useState } from 'react';
import { plateSchema, type Ticket } from '../../../../shared/schemas/ticketQueue';
import { addLaneCar, completeLaneCar, keepCalledCar, laneCarsWithIds, linkLaneCase, listLaneCars, removeLaneCar, takeLaneCar, type LaneCar, type LaneRemovalReason } from '../../db/laneStore';
import { currentDeviceHeaders } from '../../state/sessionState';
import type { ApiOptions } from '../../sync/api';
import { isQueueUnreachable } from '../queue/counterQueueModel';
import { actOnTicket, callNext, fetchLaneCars, issueLaneTicket } from '../queue/queueApi';
import { QUEUE_REFRESH_MS } from '../queue/useQueuePanel';
import { carOfTicket, listedCars, type ListedCar } from './laneQueueModel';

/** A plate the queue cannot take: said beside the plate field, the typed plate kept. */
export class PlateRefused extends Error {
  constructor() {
    super('a lane car needs its plate while the queue answers');
    this.name = 'PlateRefused';
  }
}

interface LaneState {
  /** The server's cars; undefined while the queue is away (this computer's own list is then the lane). */
  server?: Ticket[];
  /** This computer's cars: those still in the lane, and those of the server's list it served. */
  local: LaneCar[];
  reach: 'unknown' | 'online' | 'unreachable';
}

/** Reads both lists: the server's when it answers, and this computer's. */
async function readLane(api: ApiOptions): Promise<LaneState> {
  let server: Ticket[] | undefined;
  let reach: LaneState['reach'] = 'online';
  try {
    server = await fetchLaneCars(api);
  } catch (error) {
    if (!isQueueUnreachable(error, true)) throw error;
    reach = 'unreachable';
  }
  const active = await listLaneCars();
  const served = server ? await laneCarsWithIds(server.map((ticket) => ticket.id)) : [];
  const local = [...active, ...served.filter((car) => !active.some((other) => other.id === car.id))];
  return { ...(server ? { server } : {}), local, reach };
}

/**
 * The lane's cars: the server's queue (group L) when it answers — a car is added with its plate, the
 * next is called in order, one that left is marked not come — and this computer's own list as the
 * fallback while it does not. The car this window serves is kept on this computer either way, so a
 * reload resumes it and its case keeps its ticket. Read again every few seconds while on screen.
 */
export function useLaneCars(api: ApiOptions) {
  const [lane, setLane] = useState<LaneState>({ local: [], reach: 'unknown' });
  const { serverUrl, token } = api;
  const options = useCallback(() => ({ serverUrl, token, headers: currentDeviceHeaders() }), [serverUrl, token]);
  const reload = useCallback(async () => {
    const next = await readLane(options());
    setLane(next);
    return listedCars(next.server, next.local);
  }, [options]);
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  useEffect(() => {
    const tick = () => document.visibilityState !== 'hidden' && void latest.current().catch(() => undefined);
    const timer = setInterval(tick, QUEUE_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  return {
    cars: listedCars(lane.server, lane.local),
    reach: lane.reach,
    reload,
    /** A car pulls up: the queue numbers it (its plate required), or — the queue away — this computer's list does. */
    add: async (plateText: string): Promise<LaneCar | undefined> => {
      if (lane.reach !== 'unreachable') {
        const plate = plateSchema.safeParse(plateText);
        if (!plate.success) throw new PlateRefused();
        if (await reached(() => issueLaneTicket(options(), plate.data))) return undefined;
      }
      return addLaneCar(plateText);
    },
    /** The next car: the queue's, in its order; else the first of this computer's list. Undefined when none waits. */
    takeNext: async (): Promise<LaneCar | undefined> => {
      const ticket = lane.reach === 'unreachable' ? null : await callNext(options(), 'L').catch(unlessUnreachable(null));
      if (ticket) return keepCalledCar(carOfTicket(ticket));
      const waiting = lane.local.find((car) => car.state === 'waiting' && !car.ticket);
      return waiting ? takeLaneCar(waiting.id) : undefined;
    },
    take: (car: Pick<LaneCar, 'id'>) => takeLaneCar(car.id),
    /** The case is saved: linked to the car, so that a reload resumes from the documents. */
    registered: (car: LaneCar, caseId: string) => linkLaneCase(car.id, caseId),
    /** A car that left is not come (no-show); one sent elsewhere is finished. The queue away, only this list is told. */
    remove: async (car: ListedCar, reason: LaneRemovalReason): Promise<void> => {
      if (car.ticket) await reached(() => actOnTicket(options(), car.id, reason === 'left' ? 'no-show' : 'finish'));
      await removeLaneCar(car.id, reason);
    },
    /** The receipt printed: the car leaves; the queue hears at once (its case finishes the ticket at the next sync anyway). */
    printed: async (car: LaneCar, caseId: string): Promise<void> => {
      await completeLaneCar(car.id);
      if (car.ticket) await actOnTicket(options(), car.id, 'finish', caseId).catch(() => undefined);
    },
  };
}

/** An error that means the queue is away gives `fallback`; any other is thrown on. */
function unlessUnreachable<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (isQueueUnreachable(error)) return fallback;
    throw error;
  };
}

/** Runs a call to the queue: true when it answered, false when it is away; a refusal is thrown. */
async function reached(call: () => Promise<unknown>): Promise<boolean> {
  return call().then(() => true, unlessUnreachable(false));
}
