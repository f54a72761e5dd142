/**
 * Demo data for trying CounterDesk out: three users and one counter device. Idempotent: rows that
 * already exist are left as they are (a password changed since is kept), and only missing users cost
 * an argon2 hash, so a restart with SEED_DEMO=1 stays fast. The passwords are public by design and
 * must never reach a production database.
 */
import type { Role } from '../../../shared/schemas/auth';
import { hashDeviceSecret } from '../auth/deviceCredential';
import { hashPassword } from '../auth/password';
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
];

export const demoDevice = {
  id: 'demo-counter-01',
  name: '基隆市稅務局 服務台 1 / Counter 1',
  stationCode: 'KL01',
  /** Public like the demo passwords: `npm start` and the end-to-end tests hand it to the app. */
  secret: 'demo-counter-01-public-demo-secret-not-for-production',
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
    await tx.query('INSERT INTO devices (id, name, station_code) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
      demoDevice.id,
      demoDevice.name,
      demoDevice.stationCode,
    ]);
    await tx.query('UPDATE devices SET secret_hash = $2 WHERE id = $1 AND secret_hash IS NULL', [demoDevice.id, hashDeviceSecret(demoDevice.secret)]);
  });
  return { users: demoUsers, device: demoDevice };
}
