/**
 * Records the entries a device pushes from its local audit log, idempotently by entry id, in one
 * transaction. What the device says is evidence, not authority:
 * - the user and the device are the pushing session's, never ones named in the body; a different
 *   user named by the device is kept as `deviceUser` in the details (entries made offline on a shared
 *   counter PC are pushed by whoever signs in next);
 * - the entry's time is the server's at receipt; the device's clock is kept as `deviceAt`;
 * - only the actions a device's log makes, within the schema's field sizes. An entry outside that,
 *   but with an id, is recorded as `device.entry-refused` naming what was wrong and acknowledged, so
 *   that one bad entry (an older or newer app) never holds back the entries after it. An entry
 *   without an id cannot be acknowledged and is left out.
 */
import { z } from 'zod';
import { deviceAuditEntrySchema } from '../../../shared/schemas/audit';
import type { DeviceAuditEntry } from '../../../shared/schemas/audit';
import type { Database } from '../db/database';
import { issuesOf } from '../domain/domainError';
import { appendAudits, existingEntryIds } from '../store/auditStore';
import type { AuditInput } from '../store/auditStore';

export interface PushingSession {
  deviceId: string;
  userName: string;
  /** The server's clock at receipt. */
  now: Date;
}

const entryIdSchema = z.object({ id: z.uuid() });

interface PushedEntry {
  id: string;
  input: AuditInput;
}

function recorded(id: string, entry: DeviceAuditEntry, session: PushingSession): AuditInput {
  return {
    entryId: id,
    at: session.now,
    source: 'device',
    userName: session.userName,
    deviceId: session.deviceId,
    action: entry.action,
    purpose: entry.purpose ?? null,
    caseId: entry.caseId ?? null,
    details: {
      deviceAt: new Date(entry.at).toISOString(),
      ...(entry.username.toLowerCase() === session.userName.toLowerCase() ? {} : { deviceUser: entry.username }),
      ...(entry.detail === undefined ? {} : { detail: entry.detail }),
    },
  };
}

function refused(id: string, problem: string, session: PushingSession): AuditInput {
  return { entryId: id, at: session.now, source: 'device', userName: session.userName, deviceId: session.deviceId, action: 'device.entry-refused', details: { problem } };
}

/** The entry as it will be recorded, or undefined for one without an id (not acknowledged). */
function toPushed(raw: unknown, session: PushingSession): PushedEntry | undefined {
  const parsed = deviceAuditEntrySchema.safeParse(raw);
  if (parsed.success) {
    const id = parsed.data.id.toLowerCase();
    return { id, input: recorded(id, parsed.data, session) };
  }
  const withId = entryIdSchema.safeParse(raw);
  if (!withId.success) return undefined;
  const id = withId.data.id.toLowerCase();
  const problem = issuesOf(parsed.error).map((issue) => `${issue.path}: ${issue.message}`).join('; ').slice(0, 500);
  return { id, input: refused(id, problem, session) };
}

/** Records what is new of `entries` (parsed here, one by one) and returns every id acknowledged. */
export async function recordDeviceEntries(db: Database, entries: readonly unknown[], session: PushingSession): Promise<string[]> {
  const pushed = entries.map((raw) => toPushed(raw, session)).filter((entry) => entry !== undefined);
  const ids = [...new Set(pushed.map((entry) => entry.id))];
  return db.transaction(async (tx) => {
    const seen = await existingEntryIds(tx, ids);
    const fresh: AuditInput[] = [];
    for (const { id, input } of pushed) {
      if (seen.has(id)) continue;
      seen.add(id);
      fresh.push(input);
    }
    await appendAudits(tx, fresh);
    return ids;
  });
}
