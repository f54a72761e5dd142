// Runs the server tests on the embedded PGlite, then again on PostgreSQL when TEST_DATABASE_URL names
// one, so both databases the server supports are checked in the same `npm test`.
import { spawnSync } from 'node:child_process';

const vitest = ['node_modules/vitest/vitest.mjs', 'run', 'server', 'test/integration'];
const { TEST_DATABASE_URL, ...withoutPg } = process.env;

console.log('Server tests on PGlite');
let status = spawnSync(process.execPath, vitest, { stdio: 'inherit', env: withoutPg }).status;
if (status === 0 && TEST_DATABASE_URL) {
  console.log(`Server tests on PostgreSQL (${TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')})`);
  status = spawnSync(process.execPath, vitest, { stdio: 'inherit', env: process.env }).status;
}
process.exit(status ?? 1);
