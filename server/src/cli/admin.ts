/**
 * `npm run admin -- <command>`: opens the server's database from the same environment as the server
 * (DATABASE_URL or DATA_DIR) with the same audit key and anchor file, migrates it, runs one command
 * (cli/runAdmin.ts) and exits with its code.
 */
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { loadAuditKeyFile } from '../audit/auditKeyFile';
import { readServerConfig } from '../context/config';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { installAuditKey } from '../store/installedAuditKey';
import { runAdmin } from './runAdmin';

async function main(): Promise<number> {
  const config = readServerConfig(process.env);
  const dataDir = resolve(config.dataDir);
  if (!config.databaseUrl) await mkdir(dataDir, { recursive: true });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir });
  try {
    if (config.auditKeyFile) installAuditKey((await loadAuditKeyFile(config.auditKeyFile)).key);
    await migrate(db);
    return await runAdmin(process.argv.slice(2), {
      db,
      print: (line) => console.log(line),
      printError: (line) => console.error(line),
      now: () => new Date(),
      actor: `cli:${userInfo().username}`,
      anchorFile: config.auditAnchorFile,
    });
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
