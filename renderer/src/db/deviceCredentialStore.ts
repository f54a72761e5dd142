import { z } from 'zod';
import { deviceIdSchema, deviceSecretSchema } from '../../../shared/schemas/device';
import { getDb, type CounterDeskDb } from './database';

/**
 * The device credential (id and secret from enrolment, and the station code for case numbers),
 * kept in the device's own store so that it survives restarts; the host configuration only seeds it.
 */
export const deviceCredentialSchema = z.object({
  deviceId: deviceIdSchema,
  deviceSecret: deviceSecretSchema,
  stationCode: z.string().optional(),
  name: z.string().optional(),
});
export type DeviceCredential = z.infer<typeof deviceCredentialSchema>;

const KEY = 'deviceCredential';

export async function loadDeviceCredential(db: CounterDeskDb = getDb()): Promise<DeviceCredential | undefined> {
  const row = await db.meta.get(KEY);
  const parsed = deviceCredentialSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveDeviceCredential(credential: DeviceCredential, db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.put({ key: KEY, value: deviceCredentialSchema.parse(credential) });
}

export async function clearDeviceCredential(db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.delete(KEY);
}
