import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles } from '../../scripts/lib/importCycles';

// The renderer is layered: features and app on top of state, sync, db, lib and host, never the other
// way; no file or folder imports itself back through others.
const rendererDir = path.dirname(fileURLToPath(import.meta.url));

describe('renderer/src import layering', () => {
  it('has no import cycle between files', () => {
    expect(importCycles(rendererDir).files).toEqual([]);
  });
});
