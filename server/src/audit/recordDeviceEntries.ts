/**
 * Records the entries a device pushes from its local audit log, idempotently by entry id, in one
 * transaction. The device is the authenticated one, never one named in the body; the user is the one
 * the device says was signed in when the entry was made (it may be another than the user pushing,
 * who is kept in the details), and the device's clock goes into `at` as the time of the access.
 */
import type { DeviceAuditEntry } from '../../../shared/schemas/audit';
import type { Database } from '../db/database';
import { appendAudit, existingEntryIds } from '../store/auditStore';

export async function recordDeviceEntries(
  db: Database,
  entries: readonly DeviceAuditEntry[],
  context: { deviceId: string; pushedBy: string; now: Date },
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const ids = entries.map((entry) => entry.id.toLowerCase());
    const known = await existingEntryIds(tx, ids);
    const seen = new Set(known);
    for (const entry of entries) {
      const id = entry.id.toLowerCase();
      if (seen.has(id)) continue;
      seen.add(id);
      await appendAudit(tx, {
        entryId: id,
        at: new Date(entry.at),
        source: 'device',
        userName: entry.username,
        deviceId: context.deviceId,
        action: entry.action,
        purpose: entry.purpose ?? null,
        caseId: entry.caseId ?? null,
        details: { pushedBy: context.pushedBy, receivedAt: context.now.toISOString(), ...(entry.detail === undefined ? {} : { detail: entry.detail }) },
      });
    }
    return ids;
  });
}
