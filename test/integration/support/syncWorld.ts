/**
 * A real central server listening on a port, with as many enrolled devices as a test needs, and
 * simulated devices that run the real renderer sync code in Node: each has its own IndexedDB (fake-
 * indexeddb, one database name per device), its own clientId and outbox, and talks HTTP — directly or
 * through a fault proxy.
 */
import 'fake-indexeddb/auto';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../../shared/schemas/device';
import type { CaseRecord } from '../../../shared/schemas/case';
import { signInResponseSchema } from '../../../shared/schemas/auth';
import { buildApp } from '../../../server/src/app';
import { hashDeviceSecret } from '../../../server/src/domain/deviceSecret';
import { createSession } from '../../../server/src/auth/sessions';
import { defaultServerConfig } from '../../../server/src/context/config';
import type { Database } from '../../../server/src/db/database';
import { seedDemo } from '../../../server/src/db/seedDemo';
import { openTestDatabase } from '../../../server/src/testing/testDatabase';
import { createCase } from '../../../renderer/src/db/caseStore';
import { getClientId } from '../../../renderer/src/db/outbox';
import { reserveCaseNumbers } from '../../../renderer/src/sync/reserveCaseNumbers';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { formatCaseNo } from '../../../shared/domain/caseNumber';
import { rocYearAt } from '../../../shared/domain/caseNumberBlocks';
import { CounterDeskDb } from '../../../renderer/src/db/database';
import { DataKeyHolder } from '../../../renderer/src/db/dataKeyHolder';
import { syncOnce, type SyncClientOptions, type SyncReport } from '../../../renderer/src/sync/syncClient';
import { buildCaseRecord } from '../../../server/src/testing/caseFixtures';

export interface World {
  app: FastifyInstance;
  db: Database;
  url: string;
  documentsDir: string;
  /** Enrols a device with its own station and signs a user in on it. */
  addDevice(options?: {
    username?: string;
    password?: string;
    serverUrl?: string;
    /** Make the session in the database instead of signing in (argon2 costs ~0.1 s a time). */
    direct?: boolean;
    /** Encrypt the device's data at rest, as the app does (off by default: most tests look at rows). */
    encrypted?: boolean;
    /** Another install of this device: same credential and station, its own database and client id. */
    installOf?: SimDevice;
    /** Enrol the new device at this station (default: a station of its own). */
    stationCode?: string;
    /** Start from a copy of this database (a restored backup) instead of an empty one. */
    restoreFrom?: DeviceSnapshot;
    /** Do not ask the server for case numbers after signing in (default: ask, as the app does). */
    offline?: boolean;
  }): Promise<SimDevice>;
  /** Every verified blob in the store: [sha256 it is filed under, sha256 of its bytes]. */
  storedBlobs(): Promise<Array<[string, string]>>;
  close(): Promise<void>;
}

export interface SimDevice {
  name: string;
  deviceId: string;
  stationCode: string;
  db: CounterDeskDb;
  token: string;
  headers: Record<string, string>;
  serverUrl: string;
  createCase(overrides?: Partial<CaseRecord>): Promise<CaseRecord>;
  sync(options?: Partial<SyncClientOptions>): Promise<SyncReport>;
}

/** Every row of a device's database at one moment, as a backup of it would hold them. */
export type DeviceSnapshot = Map<string, unknown[]>;

export async function snapshotDevice(device: SimDevice): Promise<DeviceSnapshot> {
  const snapshot: DeviceSnapshot = new Map();
  for (const table of device.db.tables) snapshot.set(table.name, await table.toArray());
  return snapshot;
}

let stationCounter = 0;

/** A station code unique within this process: two letters and digits, as the case number needs. */
function nextStationCode(): string {
  stationCounter += 1;
  return `T${String.fromCharCode(65 + ((process.pid + stationCounter) % 26))}${String(stationCounter).padStart(2, '0')}`;
}

/** A complete intake record of `stationCode` (the server tests' fixture, with every document provided). */
export function buildRecord(stationCode: string, sequence: number, overrides: Partial<CaseRecord> = {}): CaseRecord {
  const base = buildCaseRecord(sequence, { stationCode, clockPauses: [] });
  return { ...base, checklist: base.checklist.map((item) => ({ ...item, state: 'provided' as const })), ...overrides };
}

export async function startWorld(options: { now?: () => Date } = {}): Promise<World> {
  const db = await openTestDatabase();
  await seedDemo(db);
  const documentsDir = await mkdtemp(join(tmpdir(), 'counterdesk-world-'));
  const app = await buildApp({ db, config: defaultServerConfig({ sessionTtlMs: 30 * 24 * 60 * 60 * 1000 }), documentsDir, ...(options.now ? { now: options.now } : {}) });
  const url = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  let deviceCount = 0;

  return {
    app,
    db,
    url,
    documentsDir,
    async addDevice({ username = 'clerk', password = `${username}-demo-2026`, serverUrl = url, direct = false, encrypted = false, installOf, restoreFrom, offline = false, ...options } = {}) {
      deviceCount += 1;
      const stationCode = installOf?.stationCode ?? options.stationCode ?? nextStationCode();
      let headers: Record<string, string>;
      let id: string;
      if (installOf) {
        ({ headers, deviceId: id } = installOf);
      } else {
        id = `sim-${stationCode.toLowerCase()}-${randomBytes(3).toString('hex')}`;
        const secret = randomBytes(32).toString('base64url');
        await db.query('INSERT INTO devices (id, name, station_code, secret_hash) VALUES ($1, $2, $3, $4)', [id, `Simulated ${deviceCount}`, stationCode, hashDeviceSecret(secret)]);
        headers = { [DEVICE_ID_HEADER]: id, [DEVICE_SECRET_HEADER]: secret };
      }
      let token: string;
      if (direct) {
        const { rows } = await db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]);
        const userId = rows[0]?.id;
        if (userId === undefined) throw new Error(`no user ${username}`);
        ({ token } = await createSession(db, { userId, deviceId: id, now: new Date(), ttlMs: 24 * 60 * 60 * 1000 }));
      } else {
        const response = await fetch(new URL('/v1/auth/sign-in', url), {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ username, password, deviceId: id }),
        });
        if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
        ({ token } = signInResponseSchema.parse(await response.json()));
      }
      const holder = new DataKeyHolder();
      holder.set(randomBytes(32));
      const local = new CounterDeskDb(`sim-${id}-${randomUUID()}`, encrypted ? { encryption: holder } : {});
      await local.open();
      if (restoreFrom) {
        await local.transaction('rw', local.tables, async () => {
          for (const [name, rows] of restoreFrom) await local.table(name).bulkPut(rows);
        });
      }
      // The year the server reserves numbers for: this one by Taipei's calendar (decision 0016).
      const rocYear = rocYearAt(new Date());
      const device: SimDevice = {
        name: id,
        deviceId: id,
        stationCode,
        db: local,
        token,
        headers,
        serverUrl,
        createCase: async (overrides = {}) =>
          createCase(
            { stationCode, rocYear, build: (sequence) => buildRecord(stationCode, sequence, { caseNo: formatCaseNo({ rocYear, stationCode, sequence }), createdBy: username, ...overrides }) },
            local,
          ),
        sync: (extra = {}) =>
          syncOnce({ db: local, serverUrl: device.serverUrl, token, headers, requestTimeoutMs: 5_000, stallTimeoutMs: 5_000, stationCode, ...extra }),
      };
      // As the app's first sync after sign-in: the install gets its case numbers (decision 0016).
      if (!offline) {
        await reserveCaseNumbers({
          api: { serverUrl: device.serverUrl, token, headers: { ...headers, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) } },
          db: local,
          stationCode,
          clientId: await getClientId(local),
          now: new Date(),
          mode: 'check',
        });
      }
      return device;
    },
    async storedBlobs() {
      const root = join(documentsDir, 'blobs');
      const found: Array<[string, string]> = [];
      for (const prefix of await readdir(root).catch(() => [])) {
        for (const rest of await readdir(join(root, prefix))) {
          const bytes = await readFile(join(root, prefix, rest));
          found.push([`${prefix}${rest}`, createHash('sha256').update(bytes).digest('hex')]);
        }
      }
      return found;
    },
    async close() {
      await app.close();
      await db.close();
      await rm(documentsDir, { recursive: true, force: true });
    },
  };
}

/** Syncs until a run completes without error (faults may fail several in a row). */
export async function syncUntilClean(device: SimDevice, attempts = 30, options: Partial<SyncClientOptions> = {}): Promise<SyncReport> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      return await device.sync(options);
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`${device.name} did not sync cleanly in ${attempts} attempts: ${String(lastError)}`);
}
