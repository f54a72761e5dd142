import type { Role } from '../../../shared/schemas/auth';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { getClientId } from '../db/outbox';
import { getDb } from '../db/database';
import type { StoredSession } from '../db/records';
import { reserveCaseNumbers } from '../sync/reserveCaseNumbers';

/** The roles that take cases, and so need case numbers (server/src/authz/permissions.ts). */
const caseTakers: readonly Role[] = ['clerk', 'field-staff', 'supervisor'];

/**
 * Right after an online sign-in, before the workspace opens: the install makes sure it holds case
 * numbers (and a restored copy is brought forward), so a clerk who unplugs at once, or a laptop that
 * leaves for a day of visits, can still number cases (decision 0016). Best effort: the sync engine asks
 * again at its first run, and a failure here must not keep anyone from signing in.
 */
export async function caseNumbersAfterSignIn(serverUrl: string, session: StoredSession, headers: Record<string, string>): Promise<void> {
  if (!session.user.roles.some((role) => caseTakers.includes(role))) return;
  try {
    await reserveCaseNumbers({
      api: { serverUrl, token: session.token, headers: { ...headers, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }, timeoutMs: 5_000 },
      db: getDb(),
      stationCode: session.device.stationCode,
      clientId: await getClientId(),
      now: new Date(),
      mode: 'check',
    });
  } catch (error) {
    console.warn(`case numbers were not reserved at sign-in: ${error instanceof Error ? error.message : String(error)}`);
  }
}
