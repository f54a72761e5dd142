import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles } from '../../scripts/lib/importCycles';

// The server is layered (docs/decisions/0025): no module imports itself back through others, and no
// folder does either, so each can be read and tested from what it imports.
const serverDir = path.dirname(fileURLToPath(import.meta.url));

describe('server/src import layering', () => {
  it('has no import cycle between files', () => {
    expect(importCycles(serverDir).files).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    expect(importCycles(serverDir).folders).toEqual([]);
  });
});
