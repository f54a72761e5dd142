import { taipeiDate } from '../../../../shared/domain/rocDate';

/**
 * The kiosk's clock: its own, corrected by the server's time each time the server answers, so an
 * offline ticket's time and office day are the server's even when the kiosk PC's clock is off.
 */
export interface KioskClock {
  now(): Date;
  officeDay(): string;
  sawServerTime(serverTime: string): void;
}

export function createKioskClock(wall: () => number = () => Date.now()): KioskClock {
  let offsetMs = 0;
  const now = () => new Date(wall() + offsetMs);
  return {
    now,
    officeDay: () => taipeiDate(now()),
    sawServerTime(serverTime) {
      const server = Date.parse(serverTime);
      if (!Number.isNaN(server)) offsetMs = server - wall();
    },
  };
}
