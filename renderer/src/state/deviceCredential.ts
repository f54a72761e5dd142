import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../../shared/schemas/device';
import type { HostConfig } from '../../../shared/ipc/contract';
import { deviceDataKey } from '../db/dataKeyHolder';
import {
  credentialFrom,
  identityOf,
  loadStoredCredential,
  saveDeviceIdentity,
  type DeviceCredential,
  type DeviceIdentity,
} from '../db/deviceCredentialStore';
import { keysOf } from '../db/metaSeal';
import { peekDataKey } from './dataKey';

/** Which device this is (readable while locked), and its whole credential when the secret is known now. */
export interface ResolvedDevice {
  identity?: DeviceIdentity;
  credential?: DeviceCredential;
}

/**
 * Which credential this device uses: the one it stored at enrolment, else the one its host was
 * seeded with (demo and test hosts), whose secret then stays in the host's configuration and is not
 * stored here. A stored credential for another device id than the host names is kept only when the
 * host names no secret (the host config may lag behind an enrolment done in the app). A stored secret
 * is sealed (docs/decisions/0034): it is known only once the device is unlocked.
 */
export async function resolveDeviceCredential(config: HostConfig): Promise<ResolvedDevice> {
  const stored = await loadStoredCredential();
  if (stored && (stored.deviceId === config.deviceId || !config.deviceSecret)) {
    return { identity: identityOf(stored), credential: credentialFrom(stored, deviceDataKey.unlocked ? deviceDataKey.require() : undefined) };
  }
  if (!config.deviceSecret) return {};
  const seeded: DeviceCredential = { deviceId: config.deviceId, deviceSecret: config.deviceSecret };
  await saveDeviceIdentity(identityOf(seeded));
  return { identity: identityOf(seeded), credential: seeded };
}

/** The stored credential opened with the data key the device holds now (after an unlock). */
export async function unlockedDeviceCredential(): Promise<DeviceCredential | undefined> {
  const stored = await loadStoredCredential();
  return stored && deviceDataKey.unlocked ? credentialFrom(stored, deviceDataKey.require()) : undefined;
}

/**
 * The credential for an online sign-in while the device is locked: its sealed secret opened with the
 * data key read (not taken) from the user's own copy under the typed password, or from the OS key
 * store's copy. Undefined when neither opens it: a user who never signed in here, on a computer with
 * no OS key store, after a restart.
 */
export async function credentialForSignIn(username: string, password: string): Promise<DeviceCredential | undefined> {
  const stored = await loadStoredCredential();
  if (!stored) return undefined;
  if (stored.deviceSecret !== undefined) return credentialFrom(stored, undefined);
  const key = await peekDataKey(username, password);
  if (!key) return undefined;
  try {
    return credentialFrom(stored, keysOf(key));
  } finally {
    key.fill(0);
  }
}

/** The headers every request to the central server carries besides the session. */
export function deviceHeaders(credential: DeviceCredential): Record<string, string> {
  return { [DEVICE_ID_HEADER]: credential.deviceId, [DEVICE_SECRET_HEADER]: credential.deviceSecret };
}
