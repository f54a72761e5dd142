import { z } from 'zod';
import { deviceIdSchema, deviceSecretSchema } from '../../../shared/schemas/device';
import type { DerivedKeys } from './recordCipher';
import { getDb, type CounterDeskDb } from './database';
import { openMeta, sealMeta } from './metaSeal';

/**
 * The device credential (id and secret from enrolment, and the station code for case numbers), kept in
 * the device's own store so that it survives restarts; the host configuration only seeds it.
 *
 * The secret is sealed under the data key (docs/decisions/0034): it is what lets anyone sign in on this
 * device's behalf. Only the identity (id, station, name) is readable while locked. A secret enrolled
 * before anyone signed in here, or stored in the clear by an older build, stays in the clear until the
 * next unlock seals it (there is no data key to seal it under before the first sign-in).
 */
export const deviceCredentialSchema = z.object({
  deviceId: deviceIdSchema,
  deviceSecret: deviceSecretSchema,
  stationCode: z.string().optional(),
  name: z.string().optional(),
});
export type DeviceCredential = z.infer<typeof deviceCredentialSchema>;

export const deviceIdentitySchema = deviceCredentialSchema.omit({ deviceSecret: true });
export type DeviceIdentity = z.infer<typeof deviceIdentitySchema>;

/** As stored: the identity, and the secret sealed, or (until the first unlock) in the clear. */
const storedCredentialSchema = deviceIdentitySchema.extend({
  deviceSecret: deviceSecretSchema.optional(),
  sealedSecret: z.string().min(1).optional(),
});
export type StoredCredential = z.infer<typeof storedCredentialSchema>;

const KEY = 'deviceCredential';

export async function loadStoredCredential(db: CounterDeskDb = getDb()): Promise<StoredCredential | undefined> {
  const parsed = storedCredentialSchema.safeParse((await db.meta.get(KEY))?.value);
  return parsed.success && (parsed.data.deviceSecret !== undefined || parsed.data.sealedSecret !== undefined) ? parsed.data : undefined;
}

export function identityOf(stored: StoredCredential | DeviceCredential): DeviceIdentity {
  return deviceIdentitySchema.parse({ deviceId: stored.deviceId, stationCode: stored.stationCode, name: stored.name });
}

/** The whole credential from what is stored: its clear secret, or the sealed one opened with `keys`. */
export function credentialFrom(stored: StoredCredential, keys: DerivedKeys | undefined): DeviceCredential | undefined {
  const secret = stored.deviceSecret ?? (stored.sealedSecret !== undefined && keys ? openMeta(keys, KEY, stored.sealedSecret) : undefined);
  const parsed = deviceCredentialSchema.safeParse({ ...identityOf(stored), deviceSecret: secret });
  return parsed.success ? parsed.data : undefined;
}

/** Keeps the credential: sealed when `keys` are given, else (before any unlock) in the clear until the next one. */
export async function saveDeviceCredential(credential: DeviceCredential, keys: DerivedKeys | undefined, db: CounterDeskDb = getDb()): Promise<void> {
  const { deviceSecret, ...identity } = deviceCredentialSchema.parse(credential);
  const value: StoredCredential = keys ? { ...identity, sealedSecret: sealMeta(keys, KEY, deviceSecret) } : { ...identity, deviceSecret };
  await db.meta.put({ key: KEY, value });
}

/** Keeps only who this device is: its secret comes from the host's configuration at every start. */
export async function saveDeviceIdentity(identity: DeviceIdentity, db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.put({ key: KEY, value: deviceIdentitySchema.parse(identity) });
}

export async function loadDeviceIdentity(db: CounterDeskDb = getDb()): Promise<DeviceIdentity | undefined> {
  const parsed = deviceIdentitySchema.safeParse((await db.meta.get(KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function clearDeviceCredential(db: CounterDeskDb = getDb()): Promise<void> {
  await db.meta.delete(KEY);
}
