/**
 * What a device does when the server says it is revoked (403 `device_revoked`, at any contact):
 * 1. collect the work the server does not have;
 * 2. if there is any and the bureau's recovery key is configured, encrypt it for the administrators
 *    and store the export; without a key, keep that work (it is never silently destroyed);
 * 3. remove the taxpayer data (all of it once exported, else what the server confirmed), sessions
 *    and offline grants, and record why, so the app shows the reason at every start from then on.
 * Idempotent: a second call on a device already wiped finds nothing more to export or remove.
 */
import { collectUnsyncedWork, hasUnsyncedWork, loadRevocation, saveRevocation, wipeTaxpayerData, type RevocationRecord } from '../db/wipe';
import { encryptForRecovery, serialiseUnsyncedWork } from './recoveryExport';

export interface RevocationOptions {
  deviceId: string;
  /** The server's message, shown to the user. */
  message: string;
  recoveryPublicKey?: string;
  now?: Date;
}

export async function handleDeviceRevoked(options: RevocationOptions): Promise<RevocationRecord> {
  const previous = await loadRevocation();
  const createdAt = (options.now ?? new Date()).toISOString();
  const work = await collectUnsyncedWork();
  let unsynced: RevocationRecord['unsynced'] = 'none';
  let exported: Awaited<ReturnType<typeof encryptForRecovery>> | undefined;
  if (hasUnsyncedWork(work)) {
    if (options.recoveryPublicKey) {
      const plaintext = await serialiseUnsyncedWork(work, { deviceId: options.deviceId, reason: options.message, createdAt });
      exported = await encryptForRecovery(plaintext, options.recoveryPublicKey, { deviceId: options.deviceId, createdAt });
      unsynced = 'exported';
    } else {
      unsynced = 'kept';
    }
  } else if (previous?.unsynced === 'exported') {
    unsynced = 'exported';
  }
  const record: RevocationRecord = { at: previous?.at ?? createdAt, message: options.message, unsynced };
  // The export (or the decision to keep) is written before anything is removed.
  await saveRevocation(record, exported);
  await wipeTaxpayerData({ keepUnsynced: unsynced === 'kept' });
  return record;
}

export { loadRevocation, loadRevocationExport } from '../db/wipe';
