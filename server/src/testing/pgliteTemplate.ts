/**
 * A migrated PGlite cluster, dumped once to a file, from which each server test's database is loaded:
 * far quicker than making a cluster and migrating it for every test database on PGlite (docs/BENCHMARKS.md
 * § Test set-up).
 * scripts/test-server.mjs builds it before the PGlite run and names it in TEST_PGLITE_TEMPLATE; without
 * that variable (a single test file run by hand) each database is made and migrated as before.
 *
 * Usage: node --import tsx server/src/testing/pgliteTemplate.ts <file>
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { createPgliteDatabase } from '../db/database';
import { migrate } from '../db/migrate';

export const PGLITE_TEMPLATE_ENV = 'TEST_PGLITE_TEMPLATE';

export async function writePgliteTemplate(file: string): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'counterdesk-pglite-template-'));
  try {
    const db = await createPgliteDatabase({ dataDir });
    await migrate(db);
    await db.close();
    const cluster = await PGlite.create(dataDir);
    const dump = await cluster.dumpDataDir('none');
    await cluster.close();
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The template named by TEST_PGLITE_TEMPLATE, read once per test process. */
let template: Promise<Blob> | undefined;
export function pgliteTemplate(): Promise<Blob> | undefined {
  const file = process.env[PGLITE_TEMPLATE_ENV];
  if (!file) return undefined;
  template ??= readFile(file).then((bytes) => new Blob([bytes]));
  return template;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: pgliteTemplate.ts <file>');
  await writePgliteTemplate(file);
}
