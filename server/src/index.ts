/**
 * Starts the central server: reads the configuration from the environment, opens and migrates the
 * database (PostgreSQL when DATABASE_URL is set, else the embedded PGlite in DATA_DIR), seeds the
 * demo data when SEED_DEMO=1, listens, and prints one line per fact a person needs to use it.
 * SIGINT/SIGTERM close it gracefully: stop accepting, finish what is in flight, close the database.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from './app';
import { loadAuditKeyFile } from './audit/auditKeyFile';
import { readServerConfig } from './context/config';
import type { ServerConfig } from './context/config';
import { openDatabase } from './db/database';
import { logSafeError } from './domain/logSafeError';
import { loadMigrations, migrate } from './db/migrate';
import { demoKiosk, seedDemo } from './db/seedDemo';
import { seedDemoFrontOffice } from './reports/seedDemoFrontOffice';
import { seedDemoRenewal } from './reports/seedDemoRenewal';
import { seedDemoRatings } from './reports/seedDemoRatings';
import { installAuditKey } from './store/installedAuditKey';
import { loadTls } from './tls/tlsOptions';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Where the start-up facts go; console.log by default. */
  print?: (line: string) => void;
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => console.log(line));
  const dataDir = resolve(config.dataDir);
  if (!config.databaseUrl) await mkdir(dataDir, { recursive: true });
  const migrations = await loadMigrations();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir, poolSize: config.databasePoolSize, poolTimeoutMs: config.databasePoolTimeoutMs });
  try {
    // Before anything appends to the audit chain (the demo seed does): every entry is hashed with it.
    // After the database is open, so that PGlite makes its cluster in a folder that is still empty.
    const auditKey = config.auditKeyFile ? await loadAuditKeyFile(config.auditKeyFile) : undefined;
    if (auditKey) installAuditKey(auditKey.key);
    await migrate(db, migrations);
    const demo = config.seedDemo ? await seedDemo(db) : undefined;
    if (demo) await seedDemoRenewal(db, new Date());
    if (demo) await seedDemoFrontOffice(db, new Date());
    if (demo) await seedDemoRatings(db, new Date());
    const { tls, note: tlsNote } = await loadTls(config, join(dirname(dataDir), 'tls'));
    const app = await buildApp({ db, config, ...(tls ? { https: tls } : {}) });
    const address = await app.listen({ host: config.host, port: config.port });
    const url = address.replace('[::1]', 'localhost');

    print(`CounterDesk server listening on ${url}`);
    print(`Database: ${db.description}`);
    print(tlsNote);
    if (auditKey) print(auditKey.note);
    if (config.auditAnchorFile) print(`Audit anchors: ${resolve(config.auditAnchorFile)}`);
    if (demo) {
      for (const user of demo.users) print(`Demo sign-in: ${user.username} / ${user.password} (roles: ${user.roles.join(', ')})`);
      print(`Demo device: ${demo.device.id} "${demo.device.name}" (station ${demo.device.stationCode}, secret ${demo.device.secret})`);
      print(`Demo ticket kiosk: ${demoKiosk.id} (kiosk ${demoKiosk.kioskNo}, secret ${demoKiosk.secret}), page ${url}/kiosk`);
    }

    let closing: Promise<void> | undefined;
    return {
      url,
      close() {
        closing ??= (async () => {
          try {
            await app.close();
          } finally {
            await db.close();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

async function main(config: ServerConfig): Promise<void> {
  const server = await startServer(config);
  let signals = 0;
  const shutDown = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      console.error(`Second ${signal}: exiting without waiting`);
      process.exit(1);
    }
    console.log(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown failed: ${logSafeError(error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutDown);
  process.on('SIGTERM', shutDown);
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isEntryPoint) {
  let config: ServerConfig;
  try {
    config = readServerConfig(process.env);
  } catch (error) {
    // The operator's own settings, said as they are.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // Past the settings, an error may come from the database and quote taxpayer data.
  main(config).catch((error: unknown) => {
    const logged = logSafeError(error);
    // A refused connection to every address of a host comes as an AggregateError without a message.
    console.error(logged.message || `${logged.type} ${String(logged.code ?? '')}`.trim());
    process.exit(1);
  });
}
