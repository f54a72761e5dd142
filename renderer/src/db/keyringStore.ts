import Dexie from 'dexie';
import { z } from 'zod';
import { getDb, type CounterDeskDb } from './database';
import { ENCRYPTED_TABLES, isSealed } from './encryptionMiddleware';

/**
 * The `keyring` table: the device data key, only ever wrapped (see state/dataKey.ts).
 * - `user:<username>`: wrapped by a key derived from that user's password (PBKDF2, own salt);
 * - `host`: wrapped by the host (Electron safeStorage), kept only when the host protects it with the
 *   operating system's key store;
 * - `escrow`: sealed under the install's escrow key, which the server releases at an online sign-in of a
 *   user entitled to the device (docs/decisions/0017-shared-device-escrow.md) and which is never stored here;
 * Rows are parsed on every read: a row an older build wrote is used only if it still parses (an old
 * `station-tools` key kept in the clear no longer does, and goes with the first sign-in's new keyring).
 */

export const passwordWrapRowSchema = z.object({
  id: z.string().regex(/^user:.+$/),
  kind: z.literal('password'),
  username: z.string().min(1),
  /** PBKDF2 salt (base64), not the offline sign-in verifier's salt. */
  salt: z.string().min(1),
  iterations: z.number().int().min(1),
  /** nonce ‖ AES-GCM(data key) (base64). */
  wrapped: z.string().min(1),
  createdAt: z.string(),
});
export type PasswordWrapRow = z.infer<typeof passwordWrapRowSchema>;

export const hostWrapRowSchema = z.object({
  id: z.literal('host'),
  kind: z.literal('host'),
  /** The host's backend when it wrapped (e.g. dpapi, keychain, gnome_libsecret). */
  backend: z.string().min(1).max(64),
  /** The host's wrapping (base64). */
  wrapped: z.string().min(1),
  createdAt: z.string(),
});
export type HostWrapRow = z.infer<typeof hostWrapRowSchema>;

export const escrowWrapRowSchema = z.object({
  id: z.literal('escrow'),
  kind: z.literal('escrow'),
  /** The install the escrow key belongs to: the device and its sync client id. */
  deviceId: z.string().min(1).max(64),
  clientId: z.string().min(1).max(64),
  /** nonce ‖ AES-GCM(data key) under the escrow key (base64). */
  wrapped: z.string().min(1),
  createdAt: z.string(),
});
export type EscrowWrapRow = z.infer<typeof escrowWrapRowSchema>;

const keyringRowSchema = z.discriminatedUnion('kind', [passwordWrapRowSchema, hostWrapRowSchema, escrowWrapRowSchema]);
export type KeyringRow = z.infer<typeof keyringRowSchema>;

function keyring(db: CounterDeskDb) {
  return db.table<KeyringRow, string>('keyring');
}

export function userRowId(username: string): string {
  return `user:${username}`;
}

export async function listKeyring(db: CounterDeskDb = getDb()): Promise<KeyringRow[]> {
  return (await keyring(db).toArray()).flatMap((row) => {
    const parsed = keyringRowSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function getPasswordWrap(username: string, db: CounterDeskDb = getDb()): Promise<PasswordWrapRow | undefined> {
  const parsed = passwordWrapRowSchema.safeParse(await keyring(db).get(userRowId(username)));
  return parsed.success ? parsed.data : undefined;
}

export async function getHostWrap(db: CounterDeskDb = getDb()): Promise<HostWrapRow | undefined> {
  const parsed = hostWrapRowSchema.safeParse(await keyring(db).get('host'));
  return parsed.success ? parsed.data : undefined;
}

export async function getEscrowWrap(db: CounterDeskDb = getDb()): Promise<EscrowWrapRow | undefined> {
  const parsed = escrowWrapRowSchema.safeParse(await keyring(db).get('escrow'));
  return parsed.success ? parsed.data : undefined;
}

export async function putKeyringRow(row: KeyringRow, db: CounterDeskDb = getDb()): Promise<void> {
  await keyring(db).put(keyringRowSchema.parse(row));
}

export async function deleteKeyringRow(id: string, db: CounterDeskDb = getDb()): Promise<void> {
  await keyring(db).delete(id);
}

/**
 * A new data key replaces one nobody can unwrap any more (the keyring was lost): the records sealed
 * under the old key cannot be opened by anyone, so they are removed with the keyring's replacement
 * rather than left to fail every read of their table. Records never sealed are kept. Runs on a
 * connection without the encryption middleware, since it must look at sealed rows without opening them.
 */
export async function replaceKeyring(rows: readonly KeyringRow[], db: CounterDeskDb = getDb()): Promise<number> {
  const parsed = rows.map((row) => keyringRowSchema.parse(row));
  const raw = new Dexie(db.name);
  await raw.open();
  try {
    const tables = raw.tables.filter((table) => table.name in ENCRYPTED_TABLES);
    return await raw.transaction('rw', [raw.table('keyring'), ...tables], async () => {
      await raw.table('keyring').clear();
      await raw.table('keyring').bulkPut(parsed);
      let removed = 0;
      for (const table of tables) {
        const sealed = await table.filter((row) => isSealed(row)).primaryKeys();
        removed += sealed.length;
        await table.bulkDelete(sealed);
      }
      return removed;
    });
  } finally {
    raw.close();
  }
}
