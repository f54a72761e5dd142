// Runs Electronegativity on the built main/preload bundles (out/electron) and on the electron/ sources,
// and fails on any finding not explained in electronegativity-allowlist.json. Part of `npm test`.
//
// The tool reads only .js/.ts/.html files, so the .cjs bundles are scanned from copies named .js.
//
// The network-dependent check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which downloads Electron's release
// list) is excluded: Electron upgrades are tracked through npm, not at test time. The tool also tries to
// fetch translations at start-up and carries on in English when it cannot.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { allowlistSchema, findingsFromSarif, judgeFindings, type Finding } from './electronegativityFindings';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
const electronVersion = (require('electron/package.json') as { version: string }).version;

async function scan(input: string, target: Finding['target'], outDir: string): Promise<Finding[]> {
  const output = path.join(outDir, `${target}.sarif`);
  await exec(
    process.execPath,
    [cli, '-i', input, '-o', output, '-r', '-v', 'false', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  return findingsFromSarif(JSON.parse(await readFile(output, 'utf8')), target);
}

async function main(): Promise<number> {
  await exec(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], { cwd: root });
  const allowlist = allowlistSchema.parse(JSON.parse(await readFile(path.join(root, 'scripts', 'security', 'electronegativity-allowlist.json'), 'utf8')));
  const outDir = await mkdtemp(path.join(tmpdir(), 'counterdesk-electronegativity-'));
  try {
    const bundles = path.join(outDir, 'bundle');
    await mkdir(bundles);
    for (const name of ['main', 'preload']) {
      await copyFile(path.join(root, 'out', 'electron', `${name}.cjs`), path.join(bundles, `${name}.js`));
    }
    const findings = [
      ...(await scan(bundles, 'bundle', outDir)),
      ...(await scan(path.join(root, 'electron'), 'source', outDir)),
    ];
    const { unexplained, stale } = judgeFindings(findings, allowlist);
    for (const finding of findings) {
      const explained = !unexplained.includes(finding);
      console.log(`${explained ? 'explained  ' : 'UNEXPLAINED'} ${finding.ruleId} ${finding.target}:${finding.file}:${finding.line} ${finding.message}`);
    }
    for (const entry of stale) console.warn(`stale allowlist entry (no longer found): ${entry.ruleId} ${entry.target}:${entry.file}`);
    console.log(`electronegativity: ${findings.length} findings, ${unexplained.length} unexplained`);
    return unexplained.length === 0 ? 0 : 1;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
