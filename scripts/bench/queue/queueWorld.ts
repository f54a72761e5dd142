/**
 * The queue bench's office: a real central server listening on a port (test/integration/support's
 * world: PostgreSQL when TEST_DATABASE_URL is set, else PGlite), 30 counters — each a workstation of
 * its own station with its own clerk signed in — and the two entrance kiosks (the demo kiosk, number
 * 1, and a second one enrolled here as number 2).
 *
 * The server's clock runs at real speed from 09:00 of today's office day in Asia/Taipei, so however
 * late the bench is started every ticket of a run belongs to one office day; `nextOfficeDay` moves it
 * to 09:00 of the next, for a run of its own.
 */
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../../shared/schemas/device';
import { taipeiDate } from '../../../shared/domain/rocDate';
import { hashDeviceSecret } from '../../../server/src/domain/deviceSecret';
import { hashPassword } from '../../../server/src/domain/password';
import { insertUser } from '../../../server/src/store/accountStore';
import { counterAt, kioskHeaders } from '../../../server/src/testing/queueFixtures';
import type { Headers } from '../../../server/src/testing/queueFixtures';
import { startWorld } from '../../../test/integration/support/syncWorld';
import type { World } from '../../../test/integration/support/syncWorld';

export interface QueueWorld {
  world: World;
  /** The server's office day now. */
  officeDay(): string;
  /** Moves the server's clock to 09:00 of the next office day. */
  nextOfficeDay(): void;
  counters: Headers[];
  kiosks: Headers[];
}

/** The demo seed's kiosk is number 1. */
const SECOND_KIOSK = { id: 'bench-kiosk-02', stationCode: 'KS02', kioskNo: 2, secret: 'bench-kiosk-02-secret-0123456789abcdefghij' } as const;

/** A clock at real speed from 09:00 Taipei time of today's office day, that can move on a day. */
function officeClock(): { now: () => Date; nextDay: () => void } {
  let opening = Date.parse(`${taipeiDate(new Date())}T09:00:00+08:00`);
  let started = Date.now();
  return {
    now: () => new Date(opening + (Date.now() - started)),
    nextDay: () => {
      opening += 24 * 60 * 60 * 1000;
      started = Date.now();
    },
  };
}

async function enrolSecondKiosk(world: World): Promise<Headers> {
  await world.db.query("INSERT INTO devices (id, name, station_code, secret_hash, kind, kiosk_no) VALUES ($1, $2, $3, $4, 'kiosk', $5)", [
    SECOND_KIOSK.id,
    'Bench kiosk 2',
    SECOND_KIOSK.stationCode,
    hashDeviceSecret(SECOND_KIOSK.secret),
    SECOND_KIOSK.kioskNo,
  ]);
  return { [DEVICE_ID_HEADER]: SECOND_KIOSK.id, [DEVICE_SECRET_HEADER]: SECOND_KIOSK.secret };
}

/**
 * `counters` clerks (qclerk01 …), each signed in at a workstation of its own (QC01 …). The sessions
 * are made in the database, as a sign-in would make them, without the password hash per sign-in.
 */
async function signInCounters(world: World, counters: number, now: () => Date): Promise<Headers[]> {
  const passwordHash = await hashPassword('bench-clerk-password');
  const headers: Headers[] = [];
  for (let n = 1; n <= counters; n += 1) {
    const suffix = String(n).padStart(2, '0');
    await insertUser(world.db, { username: `qclerk${suffix}`, displayName: `Bench clerk ${suffix}`, roles: ['clerk'], passwordHash });
    headers.push(await counterAt(world.db, `QC${suffix}`, `qclerk${suffix}`, now()));
  }
  return headers;
}

export async function startQueueWorld(counters: number): Promise<QueueWorld> {
  const clock = officeClock();
  const world = await startWorld({ now: clock.now });
  try {
    const kiosks = [kioskHeaders(), await enrolSecondKiosk(world)];
    return {
      world,
      officeDay: () => taipeiDate(clock.now()),
      nextOfficeDay: clock.nextDay,
      counters: await signInCounters(world, counters, clock.now),
      kiosks,
    };
  } catch (error) {
    await world.close();
    throw error;
  }
}
