import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles } from './importCycles';

// No module imports itself back through others, so each can be read and tested from what it imports
// (electron/ has its own check, with folders: electron/noImportCycles.test.ts). The renderer's folders
// are layered too: features and app on top of state, sync, db, lib and host, never the other way.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('import layering', () => {
  it('renderer/src has no import cycle between files or folders', () => {
    expect(importCycles(path.join(root, 'renderer/src'))).toEqual({ files: [], folders: [] });
  });

  it('server/src has no import cycle between files', () => {
    expect(importCycles(path.join(root, 'server/src')).files).toEqual([]);
  });
});
