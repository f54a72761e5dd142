import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether the Electron executable is installed, found the way the `electron` package's index.js finds it
 * (node_modules/electron/path.txt names the executable inside dist/, or inside ELECTRON_OVERRIDE_DIST_PATH)
 * but without loading that package: on machines where the download failed, loading it is what tries to
 * download it again. The start script uses this to choose Electron or the browser fallback.
 */

export type ElectronBinaryStatus =
  | { readonly present: true; /** The executable to spawn. */ readonly executablePath: string }
  | { readonly present: false; /** Why not, for a log line. */ readonly reason: string };

export function electronBinaryStatus(
  nodeModulesDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ElectronBinaryStatus {
  const packageDir = path.join(nodeModulesDir, 'electron');
  if (!existsSync(path.join(packageDir, 'package.json'))) {
    return { present: false, reason: `the electron package is not installed in ${nodeModulesDir}` };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { present: false, reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return { present: false, reason: 'node_modules/electron/path.txt is empty' };

  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const executablePath = path.join(distDir, relative);
  try {
    if (statSync(executablePath).isFile()) return { present: true, executablePath };
  } catch {
    // fall through: a dangling path.txt is reported below like a missing file
  }
  return { present: false, reason: `the Electron executable ${executablePath} does not exist` };
}
