// Runs the server tests on the embedded PGlite, then again on PostgreSQL when TEST_DATABASE_URL names
// one, so both databases the server supports are checked in the same `npm test`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const vitest = ['node_modules/vitest/vitest.mjs', 'run', 'server', 'test/integration'];
const { TEST_DATABASE_URL, ...withoutPg } = process.env;

// Every test database on PGlite is loaded from one migrated cluster made here (pgliteTemplate.ts).
const template = join(mkdtempSync(join(tmpdir(), 'counterdesk-test-')), 'pglite-template.tar');
let status = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/testing/pgliteTemplate.ts', template], { stdio: 'inherit' }).status;
if (status === 0) {
  console.log('Server tests on PGlite');
  status = spawnSync(process.execPath, vitest, { stdio: 'inherit', env: { ...withoutPg, TEST_PGLITE_TEMPLATE: template } }).status;
}
rmSync(dirname(template), { recursive: true, force: true });
if (status === 0 && TEST_DATABASE_URL) {
  console.log(`Server tests on PostgreSQL (${TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')})`);
  status = spawnSync(process.execPath, vitest, { stdio: 'inherit', env: process.env }).status;
}
process.exit(status ?? 1);
