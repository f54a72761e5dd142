/**
 * The device data key's life (docs/decisions/0011-encryption-at-rest.md).
 *
 * - One data key per install (32 random bytes), made at the first sign-in on a device whose keyring is
 *   empty. It exists in the clear only in memory (deviceDataKey), from unlock to lock or sign-out.
 * - Stored only wrapped, in the `keyring` table: one copy per user who signed in here, under a key
 *   derived from that user's password (PBKDF2 as strong as the offline sign-in verifier, its own salt);
 *   and one copy wrapped by the host when the host has a key store of the operating system
 *   (`keys:wrap`), which lets a user who has no copy of their own yet sign in online, and opens the device
 *   secret for a sign-in (peekDataKey). It never unlocks by itself: a restart always asks for the
 *   password (docs/decisions/0034-device-at-rest-and-its-clock.md).
 * - And one copy sealed under the install's escrow key (docs/decisions/0017-shared-device-escrow.md),
 *   which the server releases only in the answer to an online sign-in of a user entitled to the
 *   device; the escrow key is held in memory only for the sign-in. So people take turns on one
 *   computer without an OS key store: a user without a copy of their own opens the data with the
 *   escrow copy online, and gets their own copy, which opens it offline next time.
 * - A wrong password fails AES-GCM authentication: that is the "wrong password" answer, offline.
 * - A user whose copy no longer opens (the password changed on the server) gets a new copy from the
 *   host's or the escrow copy; a user with no copy on a device whose key nobody present can unwrap is
 *   told so, and told that the server is needed when an online sign-in would open it.
 */
import { defineStore } from './defineStore';
import type { KeyWrapStatus } from '../../../shared/ipc/contract';
import { DeviceLockedError, deviceDataKey } from '../db/dataKeyHolder';
import { getDb, type CounterDeskDb } from '../db/database';
import {
  getEscrowWrap,
  getHostWrap,
  getPasswordWrap,
  listKeyring,
  putKeyringRow,
  replaceKeyring,
  userRowId,
  type EscrowWrapRow,
  type HostWrapRow,
  type KeyringRow,
  type PasswordWrapRow,
} from '../db/keyringStore';
import { DATA_KEY_BYTES, open, randomBytes, seal } from '../db/recordCipher';
import { sealExistingData } from '../db/sealExisting';
import { sealSessionSecrets } from '../db/sealSessionSecrets';
import { getHost } from '../host/host';
import { PBKDF2_ITERATIONS, derivePasswordBits, newSalt } from './passwordKey';
import { fromBase64, toBase64 } from '../db/base64';

/**
 * - `wrong-password`: the lock screen's password does not open the user's copy;
 * - `no-copy`: nothing this user holds here opens the data;
 * - `needs-server`: offline, this user has no copy here, but the escrow copy would open at an online sign-in.
 */
export type UnlockFailure = 'wrong-password' | 'no-copy' | 'needs-server';

/** The install's escrow key released by the server at an online sign-in, and the install it belongs to. */
export interface EscrowRelease {
  key: Uint8Array;
  deviceId: string;
  clientId: string;
}

interface DataLockState {
  unlocked: boolean;
  /** How the host keeps the key; `protectsAtRest` false is shown as "relies on your password". */
  host?: KeyWrapStatus;
  /** Set when a sign-in could not open this device's data (see UnlockFailure). */
  failure?: UnlockFailure;
}

export const useDataLock = defineStore<DataLockState>(() => ({ unlocked: deviceDataKey.unlocked }));
deviceDataKey.subscribe((unlocked) => useDataLock.setState(unlocked ? { unlocked, failure: undefined } : { unlocked }));

const encoder = new TextEncoder();

function wrapContext(username: string): Uint8Array {
  return encoder.encode(`counterdesk:keyring:${userRowId(username)}`);
}

export async function wrapForUser(dataKey: Uint8Array, username: string, password: string, iterations = PBKDF2_ITERATIONS): Promise<PasswordWrapRow> {
  const salt = newSalt();
  const kek = await derivePasswordBits(password, salt, iterations);
  return {
    id: userRowId(username),
    kind: 'password',
    username,
    salt: toBase64(salt),
    iterations,
    wrapped: toBase64(seal(kek, dataKey, wrapContext(username))),
    createdAt: new Date().toISOString(),
  };
}

/** The data key from a user's copy, or undefined when the password does not open it. */
export async function unwrapForUser(row: PasswordWrapRow, password: string): Promise<Uint8Array | undefined> {
  const kek = await derivePasswordBits(password, fromBase64(row.salt), row.iterations);
  try {
    const key = open(kek, fromBase64(row.wrapped), wrapContext(row.username));
    return key.length === DATA_KEY_BYTES ? key : undefined;
  } catch {
    return undefined;
  }
}

async function hostStatus(): Promise<KeyWrapStatus | undefined> {
  const result = await getHost()['keys:status']({});
  const status = result.ok ? result.value : undefined;
  useDataLock.setState({ host: status });
  return status;
}

async function wrapWithHost(dataKey: Uint8Array): Promise<HostWrapRow | undefined> {
  const result = await getHost()['keys:wrap']({ key: toBase64(dataKey) });
  if (!result.ok) return undefined;
  useDataLock.setState({ host: { backend: result.value.backend, protectsAtRest: result.value.protectsAtRest } });
  if (!result.value.protectsAtRest || !result.value.wrapped) return undefined;
  return { id: 'host', kind: 'host', backend: result.value.backend, wrapped: result.value.wrapped, createdAt: new Date().toISOString() };
}

async function unwrapWithHost(db: CounterDeskDb): Promise<Uint8Array | undefined> {
  const row = await getHostWrap(db);
  if (!row) return undefined;
  const status = await hostStatus();
  if (!status?.protectsAtRest) return undefined;
  const result = await getHost()['keys:unwrap']({ wrapped: row.wrapped });
  if (!result.ok) return undefined;
  const key = fromBase64(result.value.key);
  return key.length === DATA_KEY_BYTES ? key : undefined;
}

function escrowContext(deviceId: string, clientId: string): Uint8Array {
  return encoder.encode(`counterdesk:keyring:escrow:${deviceId}:${clientId}`);
}

export function wrapForEscrow(dataKey: Uint8Array, escrow: EscrowRelease): EscrowWrapRow {
  return {
    id: 'escrow',
    kind: 'escrow',
    deviceId: escrow.deviceId,
    clientId: escrow.clientId,
    wrapped: toBase64(seal(escrow.key, dataKey, escrowContext(escrow.deviceId, escrow.clientId))),
    createdAt: new Date().toISOString(),
  };
}

/** The data key from the escrow copy, when the released key is the one of the install that sealed it. */
function unwrapForEscrow(row: EscrowWrapRow | undefined, escrow: EscrowRelease | undefined): Uint8Array | undefined {
  if (!row || !escrow || row.deviceId !== escrow.deviceId || row.clientId !== escrow.clientId) return undefined;
  try {
    const key = open(escrow.key, fromBase64(row.wrapped), escrowContext(row.deviceId, row.clientId));
    return key.length === DATA_KEY_BYTES ? key : undefined;
  } catch {
    return undefined;
  }
}

function sameKey(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function takeKey(dataKey: Uint8Array, db: CounterDeskDb): void {
  deviceDataKey.set(dataKey);
  // A few rows: the session token and device secret an older build kept in the clear (0034).
  secrets = sealSessionSecrets(db).catch((error: unknown) => {
    if (!(error instanceof DeviceLockedError)) console.error('sealing the session secrets failed', error);
  });
  // Records stored before this device encrypted are sealed in the background (a counter upgraded with
  // 200 000 cases must not wait at sign-in); until then they are read as they are, and a failed pass
  // is tried again at the next unlock.
  sealing = sealExistingData(db).then(
    () => undefined,
    (error: unknown) => {
      // Locked (or signed out) during the pass: the next unlock takes it up again.
      if (!(error instanceof DeviceLockedError)) console.error('sealing existing data failed', error);
    },
  );
}

let sealing: Promise<void> = Promise.resolve();
let secrets: Promise<void> = Promise.resolve();

/** The background passes of the last unlock, settled (tests wait for them before closing the database). */
export async function sealingSettled(): Promise<void> {
  await Promise.all([sealing, secrets]);
}

export interface OpenOptions {
  /**
   * The password was verified (by the server, or offline by the grant's verifier): the key may be
   * made where no user's key exists, and the user's copy written or rewrapped. Without it (a
   * revocation met at sign-in, password unverified) the key is only taken if it opens; nothing is written.
   */
  create?: boolean;
  /** Online only: the install's escrow key the server released with this sign-in. */
  escrow?: EscrowRelease;
  db?: CounterDeskDb;
}

type OpenResult = { ok: true } | { ok: false; reason: UnlockFailure };

/**
 * After a successful sign-in (online, or offline against the verifier): unlock with the user's copy,
 * else the host's, else the escrow copy with the key released online; make the key on a device that has
 * none; give the user a copy of their own (their next sign-in here then works offline) and the device
 * the copies it lacks (an upgraded device gets its escrow copy at the first online sign-in that opens it).
 */
export async function openDataAfterSignIn(username: string, password: string, options: OpenOptions = {}): Promise<OpenResult> {
  const db = options.db ?? getDb();
  const own = await getPasswordWrap(username, db);
  let key = own ? await unwrapForUser(own, password) : undefined;
  const ownOpens = key !== undefined;
  key ??= await unwrapWithHost(db);
  const escrowRow = await getEscrowWrap(db);
  key ??= unwrapForEscrow(escrowRow, options.escrow);
  if (!key) {
    if (!options.create || (await holdsUserData(db))) {
      // Offline (nothing released) with an escrow copy here: the first sign-in on this device needs the server.
      const reason: UnlockFailure = escrowRow && !options.escrow ? 'needs-server' : 'no-copy';
      useDataLock.setState({ failure: reason });
      return { ok: false, reason };
    }
    await createDataKey(username, password, options.escrow, db);
    return { ok: true };
  }
  if (options.create) {
    if (!ownOpens) await putKeyringRow(await wrapForUser(key, username, password), db);
    await ensureHostCopy(key, db);
    if (options.escrow && !sameKey(unwrapForEscrow(escrowRow, options.escrow) ?? new Uint8Array(), key)) {
      await putKeyringRow(wrapForEscrow(key, options.escrow), db);
    }
  }
  takeKey(key, db);
  return { ok: true };
}

/** The first sign-in on a device with no user's key: a new key, wrapped for the user, the host and the escrow. */
async function createDataKey(username: string, password: string, escrow: EscrowRelease | undefined, db: CounterDeskDb): Promise<void> {
  const created = randomBytes(DATA_KEY_BYTES);
  const rows: KeyringRow[] = [await wrapForUser(created, username, password)];
  const hostRow = await wrapWithHost(created);
  if (hostRow) rows.push(hostRow);
  if (escrow) rows.push(wrapForEscrow(created, escrow));
  await replaceKeyring(rows, db);
  takeKey(created, db);
}

async function ensureHostCopy(key: Uint8Array, db: CounterDeskDb): Promise<void> {
  if (await getHostWrap(db)) {
    await hostStatus();
    return;
  }
  const hostRow = await wrapWithHost(key);
  if (hostRow) await putKeyringRow(hostRow, db);
}

/** The lock screen: the signed-in user's password, offline. */
export async function unlockWithPassword(username: string, password: string, db: CounterDeskDb = getDb()): Promise<{ ok: true } | { ok: false; reason: UnlockFailure }> {
  const own = await getPasswordWrap(username, db);
  if (!own) return { ok: false, reason: 'no-copy' };
  const key = await unwrapForUser(own, password);
  if (!key) return { ok: false, reason: 'wrong-password' };
  takeKey(key, db);
  return { ok: true };
}

/**
 * The data key read but not taken, to open the device secret for an online sign-in before the server
 * has said yes: the user's own copy under the typed password, else the OS key store's copy. Nothing
 * opens for the workspace until the sign-in succeeds. The caller zeroes the key.
 */
export async function peekDataKey(username: string, password: string, db: CounterDeskDb = getDb()): Promise<Uint8Array | undefined> {
  const own = await getPasswordWrap(username, db);
  return (own ? await unwrapForUser(own, password) : undefined) ?? (await unwrapWithHost(db));
}

/** Drops the key from memory: every read or write of taxpayer data fails until the next unlock. */
export function lockDevice(): void {
  deviceDataKey.clear();
}

/** How long a lock waits for what screens still have to write (a draft typed a moment ago). */
export const LOCK_FLUSH_TIMEOUT_MS = 500;
const beforeLock = new Set<() => Promise<unknown>>();

/**
 * A screen's last write before a lock (the intake form's draft, autosaved 200 ms after typing):
 * run by lockNow while the key is still there. Returns the unregistration.
 */
export function onBeforeLock(flush: () => Promise<unknown>): () => void {
  beforeLock.add(flush);
  return () => {
    beforeLock.delete(flush);
  };
}

/**
 * The clerk's "Lock" (Alt+Q) and the idle lock: first lets screens write what was typed since their
 * last autosave (at most LOCK_FLUSH_TIMEOUT_MS, so a stuck write cannot keep the data open), then
 * drops the key. Sign-out and revocation lock at once with lockDevice.
 */
export async function lockNow(): Promise<void> {
  if (!deviceDataKey.unlocked) return;
  const flushes = Promise.allSettled([...beforeLock].map((flush) => flush()));
  await Promise.race([flushes, new Promise((resolve) => setTimeout(resolve, LOCK_FLUSH_TIMEOUT_MS))]);
  lockDevice();
}

/**
 * Whether a user's data key exists here (a password, host or escrow copy). Only rows that parse count:
 * a row of a kind this build no longer writes (an old `station-tools` key in the clear) is not user data,
 * and the first sign-in's new keyring replaces it.
 */
async function holdsUserData(db: CounterDeskDb): Promise<boolean> {
  return (await listKeyring(db)).length > 0;
}
