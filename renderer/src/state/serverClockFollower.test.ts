import { describe, expect, it } from 'vitest';
import { DeviceClock } from './deviceClock';
import { followServerClock } from './serverClockFollower';
import { useSyncStatus } from './syncStatus';

describe('the device clock follows the sync’s server time', () => {
  it('re-anchors on each new offset measurement, and ignores a wall clock turned since the last one', async () => {
    let wall = Date.parse('2026-03-02T01:00:00.000Z');
    let mono = 0;
    const clock = new DeviceClock({ wall: () => wall, monotonic: () => mono }, { load: async () => undefined, save: async () => undefined });
    const stop = followServerClock(useSyncStatus, clock, () => wall);
    // The sync measured the device three days behind the server.
    useSyncStatus.setState({ clockOffsetMs: 3 * 24 * 3600_000 });
    await Promise.resolve();
    expect(await clock.latest()).toBe(Date.parse('2026-03-05T01:00:00.000Z'));
    // The clock is turned back a day; other status changes do not re-anchor with the old offset.
    wall -= 24 * 3600_000;
    mono += 60_000;
    useSyncStatus.setState({ pending: 3 });
    await Promise.resolve();
    expect(await clock.latest()).toBe(Date.parse('2026-03-05T01:01:00.000Z'));
    stop();
  });
});
