import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Only the two entry files may load Electron: everything else in electron/ is exercised by Node tests,
// where loading `electron` tries to download its binary. The rule covers type-only imports as well, so
// the modules keep describing Electron's objects by the narrow shapes they actually use.

const electronDir = path.dirname(fileURLToPath(import.meta.url));
const allowed = new Set([path.join(electronDir, 'main', 'main.ts'), path.join(electronDir, 'preload', 'preload.ts')]);

const importsElectron = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"`]electron(?:\/[^'"`]*)?['"`]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(?:[cm]?[jt]s|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('electron/ imports', () => {
  it('recognises every way of loading electron', () => {
    // Spelled indirectly so that this file does not itself match the rule it tests.
    const pkg = ['elec', 'tron'].join('');
    for (const line of [
      `import { app } from '${pkg}';`,
      `import type { WebContents } from "${pkg}";`,
      `import '${pkg}';`,
      `const { ipcMain } = require('${pkg}');`,
      `const electron = await import('${pkg}');`,
      `import { ipcMain } from '${pkg}/main';`,
      `export { app } from '${pkg}';`,
    ]) {
      expect(importsElectron.test(line), line).toBe(true);
    }
    for (const line of ["import { x } from './electronBinary';", "import { y } from '../electron/main/x';", '// electron is imported by main.ts']) {
      expect(importsElectron.test(line), line).toBe(false);
    }
  });

  it('loads electron only from main/main.ts and preload/preload.ts', () => {
    const files = sourceFiles(electronDir);
    for (const file of allowed) expect(files, 'the allowed entry files exist').toContain(file);
    const offenders = files.filter((file) => !allowed.has(file) && importsElectron.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => path.relative(electronDir, file))).toEqual([]);
  });
});
