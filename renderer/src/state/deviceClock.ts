/**
 * The device's clock for what the server allowed it to do offline (docs/decisions/0034): the offline
 * grant, the session's expiry and the offline sign-in lock-out are judged against the last server time
 * seen plus the monotonic time elapsed since, never against the wall clock alone, which anyone at the
 * keyboard can turn.
 *
 * Two readings, because the two questions fail safe in opposite directions:
 * - `latest()` answers "has it expired?": the server's time at the last answer plus the monotonic time
 *   since, or the wall clock when that is further on (a laptop asleep does not count monotonic time on
 *   every platform; a clock turned forward only expires things sooner). Turning the clock back gains
 *   nothing: the reading never goes below what was seen.
 * - `earliest()` answers "has enough time passed?" (the lock-out's wait): the same anchor plus the
 *   monotonic time only. Turning the clock forward gains nothing, nor does a restart: without the server,
 *   a wait counts only time the app ran.
 * Across a restart both continue from what was last recorded (every reading, a minute's tick, leaving
 * the page); a server answer resets both to the server's time, as the server's clock rules.
 */
import { loadDeviceClock, saveDeviceClock, type DeviceClockRecord } from '../db/deviceClockStore';

export interface ClockSources {
  /** The wall clock, ms since the epoch. */
  wall(): number;
  /** A monotonic clock in ms (performance.now()): only differences are meaningful. */
  monotonic(): number;
}

export interface ClockStorage {
  load(): Promise<DeviceClockRecord | undefined>;
  save(record: DeviceClockRecord): Promise<void>;
}

interface Anchor {
  latest: number;
  earliest: number;
  monotonic: number;
}

export class DeviceClock {
  private anchor: Anchor | undefined;
  private loading: Promise<Anchor> | undefined;

  constructor(
    private readonly sources: ClockSources,
    private readonly storage: ClockStorage,
  ) {}

  /** A server answer stamped `serverTime` has just arrived. */
  async sawServerTime(serverTime: string | number): Promise<void> {
    const at = typeof serverTime === 'number' ? serverTime : Date.parse(serverTime);
    if (!Number.isFinite(at)) return;
    this.anchor = { latest: at, earliest: at, monotonic: this.sources.monotonic() };
    await this.record();
  }

  /** The latest moment the device can vouch for: what expiry is judged against. */
  async latest(): Promise<number> {
    const reading = this.read(await this.anchored());
    await this.record();
    return reading.latest;
  }

  /** The earliest moment it can vouch for: what a wait is judged against. */
  async earliest(): Promise<number> {
    const reading = this.read(await this.anchored());
    await this.record();
    return reading.earliest;
  }

  /** Keeps the readings for the next start (the app's tick and its page-hide call this). */
  async record(): Promise<void> {
    if (!this.anchor) return;
    await this.storage.save(this.read(this.anchor));
  }

  private read(anchor: Anchor): DeviceClockRecord {
    const elapsed = Math.max(0, this.sources.monotonic() - anchor.monotonic);
    return { latest: Math.max(anchor.latest + elapsed, this.sources.wall()), earliest: anchor.earliest + elapsed };
  }

  private anchored(): Promise<Anchor> {
    if (this.anchor) return Promise.resolve(this.anchor);
    this.loading ??= this.storage.load().then((stored) => {
      const wall = this.sources.wall();
      // A restart without the server: never below what was seen; a wait does not count the time off.
      this.anchor ??= { latest: Math.max(wall, stored?.latest ?? 0), earliest: stored?.earliest ?? wall, monotonic: this.sources.monotonic() };
      return this.anchor;
    });
    return this.loading;
  }
}

/** The app's clock, over the device store. */
export const deviceClock = new DeviceClock(
  { wall: () => Date.now(), monotonic: () => performance.now() },
  { load: () => loadDeviceClock(), save: (record) => saveDeviceClock(record) },
);

const TICK_MS = 60_000;

/** Records the clock every minute and when the page goes away, so a restart continues from there. */
export function keepDeviceClock(clock: DeviceClock = deviceClock): () => void {
  const save = () => void clock.record().catch(() => undefined);
  const timer = setInterval(save, TICK_MS);
  window.addEventListener('pagehide', save);
  return () => {
    clearInterval(timer);
    window.removeEventListener('pagehide', save);
  };
}
