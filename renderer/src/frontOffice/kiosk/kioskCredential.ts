import { z } from 'zod';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER, deviceIdSchema, deviceSecretSchema } from '../../../../shared/schemas/device';
import { kioskKeys, readStored, writeStored, type KioskStorage } from './kioskStorage';

/**
 * The kiosk's device credential, given once at enrolment (a kiosk code made by the administrator). It
 * is the kiosk's only secret: it lets the kiosk issue tickets and read the waiting counts, nothing
 * else (the server refuses a kiosk credential on every other route).
 */
export const kioskCredentialSchema = z.object({
  deviceId: deviceIdSchema,
  deviceSecret: deviceSecretSchema,
  name: z.string(),
  /** Names this kiosk's offline series (A2-007). */
  kioskNo: z.number().int().min(1).max(9),
});
export type KioskCredential = z.infer<typeof kioskCredentialSchema>;

export function readKioskCredential(storage: KioskStorage): KioskCredential | undefined {
  return readStored(storage, kioskKeys.credential, kioskCredentialSchema);
}

export function saveKioskCredential(storage: KioskStorage, credential: KioskCredential): void {
  writeStored(storage, kioskKeys.credential, kioskCredentialSchema.parse(credential));
}

export function forgetKioskCredential(storage: KioskStorage): void {
  storage.removeItem(kioskKeys.credential);
}

export function credentialHeaders(credential: KioskCredential): Record<string, string> {
  return { [DEVICE_ID_HEADER]: credential.deviceId, [DEVICE_SECRET_HEADER]: credential.deviceSecret };
}
