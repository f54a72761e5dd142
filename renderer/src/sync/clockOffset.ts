/**
 * The server's clock rules (ARCHITECTURE.md); the device only measures how far its own clock is off,
 * to warn the clerk and to show server-time estimates. The estimate assumes the server stamped its
 * answer halfway through the round trip (the usual NTP-style midpoint), so its error is at most half
 * the round trip.
 */

/** How far the device clock may drift before the clerk is warned. */
export const CLOCK_WARNING_MS = 5 * 60 * 1000;

/** Server time minus device time, in ms, from one request's send and receive instants and the server's stamp. */
export function measureClockOffset(sentAt: number, receivedAt: number, serverTime: string): number {
  return Date.parse(serverTime) - (sentAt + receivedAt) / 2;
}

export function clockIsOff(offsetMs: number | undefined): boolean {
  return offsetMs !== undefined && Math.abs(offsetMs) > CLOCK_WARNING_MS;
}

/** The device's best estimate of the server's "now". */
export function serverNow(offsetMs: number | undefined, deviceNow: Date = new Date()): Date {
  return new Date(deviceNow.getTime() + (offsetMs ?? 0));
}
