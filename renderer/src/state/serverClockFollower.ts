import { deviceClock, type DeviceClock } from './deviceClock';
import { useSyncStatus } from './syncStatus';

/**
 * Feeds the device clock (deviceClock.ts) from the sync: each time the sync measures the device clock's
 * offset from the server's (from an answer's `serverTime`), the server's "now" is the wall clock plus
 * that offset at this moment, which re-anchors the device clock. Only a new measurement re-anchors: an
 * old offset applied to a wall clock turned since would take the turned clock for the server's.
 */
export function followServerClock(status: typeof useSyncStatus = useSyncStatus, clock: DeviceClock = deviceClock, wall: () => number = () => Date.now()): () => void {
  return status.subscribe((state, previous) => {
    if (state.clockOffsetMs === undefined || state.clockOffsetMs === previous.clockOffsetMs) return;
    void clock.sawServerTime(wall() + state.clockOffsetMs).catch(() => undefined);
  });
}
