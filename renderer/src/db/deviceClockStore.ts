import { z } from 'zod';
import { getDb, type CounterDeskDb } from './database';

/**
 * What the device clock (state/deviceClock.ts) keeps across restarts: the latest and the earliest
 * moment it can vouch for, in ms since the epoch. Plain: times say nothing about anyone. A row that does
 * not parse counts as none (the wall clock is then all there is, as on a new device).
 */
export const deviceClockRecordSchema = z.object({
  latest: z.number().finite().nonnegative(),
  earliest: z.number().finite().nonnegative(),
});
export type DeviceClockRecord = z.infer<typeof deviceClockRecordSchema>;

const KEY = 'deviceClock';

export async function loadDeviceClock(db: CounterDeskDb = getDb()): Promise<DeviceClockRecord | undefined> {
  const parsed = deviceClockRecordSchema.safeParse((await db.meta.get(KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveDeviceClock(record: DeviceClockRecord, db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.put({ key: KEY, value: deviceClockRecordSchema.parse(record) });
}
