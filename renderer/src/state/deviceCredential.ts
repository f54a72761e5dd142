import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../../shared/schemas/device';
import type { HostConfig } from '../../../shared/ipc/contract';
import { loadDeviceCredential, saveDeviceCredential, type DeviceCredential } from '../db/deviceCredentialStore';

/**
 * Which credential this device uses: the one it stored at enrolment, else the one its host was
 * seeded with (demo and test hosts), which is then stored. A stored credential for another device id
 * than the host names is kept only when the host names no secret (the host config may lag behind an
 * enrolment done in the app).
 */
export async function resolveDeviceCredential(config: HostConfig): Promise<DeviceCredential | undefined> {
  const stored = await loadDeviceCredential();
  if (stored && (stored.deviceId === config.deviceId || !config.deviceSecret)) return stored;
  if (!config.deviceSecret) return undefined;
  const seeded: DeviceCredential = { deviceId: config.deviceId, deviceSecret: config.deviceSecret };
  await saveDeviceCredential(seeded);
  return seeded;
}

/** The headers every request to the central server carries besides the session. */
export function deviceHeaders(credential: DeviceCredential): Record<string, string> {
  return { [DEVICE_ID_HEADER]: credential.deviceId, [DEVICE_SECRET_HEADER]: credential.deviceSecret };
}
