/**
 * Demo data for trying CounterDesk out: a user per role with their units, one counter device, the entrance ticket kiosk and today's field visits. Idempotent: rows that
 * already exist are left as they are (a password changed since is kept), and only missing users cost
 * an argon2 hash, so a restart with SEED_DEMO=1 stays fast. The passwords are public by design and
 * must never reach a production database.
 */
import { randomUUID } from 'node:crypto';
import { taipeiDate } from '../../../shared/domain/rocDate';
import type { Role } from '../../../shared/schemas/auth';
import { hashDeviceSecret } from '../domain/deviceSecret';
import { hashPassword } from '../domain/password';
import type { Database } from './database';

export interface DemoUser {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
}

export const demoUsers: readonly DemoUser[] = [
  { username: 'clerk', password: 'clerk-demo-2026', displayName: '示範櫃台人員 / Demo clerk', roles: ['clerk'] },
  { username: 'supervisor', password: 'supervisor-demo-2026', displayName: '示範主管 / Demo supervisor', roles: ['supervisor'] },
  { username: 'admin', password: 'admin-demo-2026', displayName: '示範系統管理員 / Demo administrator', roles: ['admin'] },
  { username: 'fieldstaff', password: 'field-demo-2026', displayName: '示範到府服務人員 / Demo field staff', roles: ['field-staff'] },
  { username: 'officer', password: 'officer-demo-2026', displayName: '示範承辦人 / Demo officer', roles: ['officer'] },
];

/**
 * Where the demo people work (migration 008 holds the units): the demo officer handles every unit's
 * cases and the demo supervisor is every unit's chief and the director, so one pair walks any case
 * from intake to decision.
 */
const demoUnits = ['PROPERTY', 'CONSUMPTION', 'SERVICE', 'LEGAL', 'BRANCH1'] as const;
const demoMemberships = [
  ...demoUnits.map((unit) => ({ unit, username: 'officer', position: 'officer' as const })),
  ...demoUnits.map((unit) => ({ unit, username: 'supervisor', position: 'chief' as const })),
  { unit: 'SERVICE', username: 'supervisor', position: 'director' as const },
];

/** Today's demo visits for the demo field staff, so the Visits tab has a plan to work on first start. */
const demoVisits = [
  { time: '09:30', serviceId: 'HT-LOW-INCOME', applicant: { kind: 'person', idNumber: 'A123456789', name: '陳阿嬤', phone: '0912345678' }, address: { zip: '200', line: '愛三路 1 號 3 樓' } },
  { time: '11:00', serviceId: 'VLT-DISABILITY', applicant: { kind: 'person', idNumber: 'F131104093', name: '林先生', phone: '0223456789' }, address: { zip: '203', line: '中和路 20 巷 5 號' } },
  { time: '14:00', serviceId: 'LVT-SELF-USE', applicant: { kind: 'person', idNumber: 'B220202022', name: '黃太太', phone: '' }, address: { zip: '206', line: '明德一路 100 號' } },
] as const;

export const demoDevice = {
  id: 'demo-counter-01',
  name: '基隆市稅務局 服務台 1 / Counter 1',
  stationCode: 'KL01',
  /** Public like the demo passwords: `npm start` and the end-to-end tests hand it to the app. */
  secret: 'demo-counter-01-public-demo-secret-not-for-production',
} as const;

/**
 * The demo ticket kiosk at the entrance (its page is /kiosk): kiosk number 1, no user. Its credential
 * is public like the counter's, and like it only for the demo.
 */
export const demoKiosk = {
  id: 'demo-kiosk-01',
  name: '基隆市稅務局 取號機 1 / Ticket kiosk 1',
  stationCode: 'KS01',
  kioskNo: 1,
  secret: 'demo-kiosk-01-public-demo-secret-not-for-production',
} as const;

export async function seedDemo(db: Database): Promise<{ users: readonly DemoUser[]; device: typeof demoDevice }> {
  const { rows } = await db.query<{ username: string }>('SELECT username FROM users WHERE username = ANY($1::text[])', [
    demoUsers.map((user) => user.username),
  ]);
  const existing = new Set(rows.map((row) => row.username));
  const missing = demoUsers.filter((user) => !existing.has(user.username));
  const hashes = await Promise.all(missing.map((user) => hashPassword(user.password)));
  await db.transaction(async (tx) => {
    for (const [index, user] of missing.entries()) {
      await tx.query(
        `INSERT INTO users (username, display_name, roles, password_hash) VALUES ($1, $2, $3::text[], $4)
         ON CONFLICT (username) DO NOTHING`,
        [user.username, user.displayName, user.roles, hashes[index]],
      );
    }
    for (const member of demoMemberships) {
      await tx.query(
        `INSERT INTO unit_members (unit_code, username, position) SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM units WHERE code = $1)
         ON CONFLICT DO NOTHING`,
        [member.unit, member.username, member.position],
      );
    }
    await tx.query('INSERT INTO devices (id, name, station_code) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
      demoDevice.id,
      demoDevice.name,
      demoDevice.stationCode,
    ]);
    await tx.query('UPDATE devices SET secret_hash = $2 WHERE id = $1 AND secret_hash IS NULL', [demoDevice.id, hashDeviceSecret(demoDevice.secret)]);
    // Kiosk number 1 unless a real kiosk enrolled on this database holds it already.
    await tx.query(
      `INSERT INTO devices (id, name, station_code, secret_hash, kind, kiosk_no)
       SELECT $1, $2, $3, $4, 'kiosk', $5 WHERE NOT EXISTS (SELECT 1 FROM devices WHERE kiosk_no = $5 AND revoked_at IS NULL)
       ON CONFLICT (id) DO NOTHING`,
      [demoKiosk.id, demoKiosk.name, demoKiosk.stationCode, hashDeviceSecret(demoKiosk.secret), demoKiosk.kioskNo],
    );
    // Once per day: a restart keeps the visits (and outcomes) already there.
    const today = taipeiDate(new Date());
    const { rowCount } = await tx.query("SELECT 1 FROM visits WHERE plan_date = $1 AND planned_by = 'demo-seed'", [today]);
    if (rowCount === 0) {
      for (const visit of demoVisits) {
        await tx.query(
          `INSERT INTO visits (id, plan_date, planned_time, assignee_id, service_id, applicant, address, planned_by, planned_at)
           SELECT $1, $2, $3, id, $4, $5, $6, 'demo-seed', now() FROM users WHERE username = 'fieldstaff'`,
          [randomUUID(), today, visit.time, visit.serviceId, JSON.stringify(visit.applicant), JSON.stringify(visit.address)],
        );
      }
    }
  });
  return { users: demoUsers, device: demoDevice };
}
