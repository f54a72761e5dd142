import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles } from './importCycles';

// No module or folder imports itself back through others, so each can be read and tested from what it
// imports (electron/ has its own check: electron/noImportCycles.test.ts). The renderer: features and app
// on top of state, sync, db, lib and host, never the other way; the server: decision 0025.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('import layering', () => {
  it('renderer/src has no import cycle between files or folders', () => {
    expect(importCycles(path.join(root, 'renderer/src'))).toEqual({ files: [], folders: [] });
  });

  it('server/src has no import cycle between files or folders (routes → services → store → db → domain: decision 0025)', () => {
    expect(importCycles(path.join(root, 'server/src'))).toEqual({ files: [], folders: [] });
  });
});
