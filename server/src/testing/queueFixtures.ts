/**
 * Counters and tickets for the queue's tests: stations enrolled straight into the database, each with
 * a person's session made there (without the password hash a sign-in costs, so thirty counters are
 * cheap), the demo kiosk's headers, and issue requests.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { QueueGroupCode } from '../../../shared/domain/queueGroups';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../../shared/schemas/device';
import type { IssueTicketRequest } from '../../../shared/schemas/ticketQueue';
import { createSession } from '../auth/sessions';
import type { Queryable } from '../db/database';
import { hashDeviceSecret } from '../domain/deviceSecret';
import { demoDevice, demoKiosk } from '../db/seedDemo';

export type Headers = Record<string, string>;

export function kioskHeaders(): Headers {
  return { [DEVICE_ID_HEADER]: demoKiosk.id, [DEVICE_SECRET_HEADER]: demoKiosk.secret };
}

/** Enrols a workstation for `stationCode` (unless it exists) and returns its credential headers. */
export async function addStation(db: Queryable, stationCode: string): Promise<Headers> {
  if (stationCode === demoDevice.stationCode) return { [DEVICE_ID_HEADER]: demoDevice.id, [DEVICE_SECRET_HEADER]: demoDevice.secret };
  const id = `test-${stationCode.toLowerCase()}`;
  const secret = `${id}-secret-0123456789abcdefghijkl`;
  await db.query('INSERT INTO devices (id, name, station_code, secret_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [id, `Counter ${stationCode}`, stationCode, hashDeviceSecret(secret)]);
  return { [DEVICE_ID_HEADER]: id, [DEVICE_SECRET_HEADER]: secret };
}

/** `username` signed in at `stationCode` (enrolled here if needed): the headers of its requests. */
export async function counterAt(db: Queryable, stationCode: string, username: string, now: Date): Promise<Headers> {
  const device = await addStation(db, stationCode);
  const { rows } = await db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]);
  const userId = rows[0]?.id;
  if (userId === undefined) throw new Error(`no user ${username}`);
  const { token } = await createSession(db, { userId, deviceId: device[DEVICE_ID_HEADER] ?? '', now, ttlMs: 7 * 24 * 60 * 60 * 1000 });
  return { ...device, authorization: `Bearer ${token}` };
}

export function ticketRequest(group: QueueGroupCode, overrides: Partial<IssueTicketRequest> = {}): IssueTicketRequest {
  return { ticketId: randomUUID(), verifier: randomBytes(18).toString('base64url'), group, ...overrides };
}
