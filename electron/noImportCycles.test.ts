import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../scripts/lib/importCycles';

// electron/main is split into folders by what they serve (ipc/, print/, files/, keys/, window/, app/,
// host/ which merges the channel groups, main.ts which wires Electron in). Imports run one way only:
// main.ts → host/ → the groups → ipc/ → shared/. A cycle, even through a type, would mean a folder can
// no longer be read or tested without the one that imports it.

const electronDir = path.dirname(fileURLToPath(import.meta.url));

describe('electron/ import layering', () => {
  it('sees the imports it checks', () => {
    const graph = importGraph(electronDir);
    expect(graph.get('main/main.ts')).toContain('main/host/hostHandlers.ts');
    expect(graph.get('main/host/hostHandlers.ts')).toContain('main/print/printHandlers.ts');
    // Type-only imports are edges too.
    expect(graph.get('main/host/hostDeps.ts')).toContain('main/keys/keysHandlers.ts');
  });

  it('has no import cycle between files or between folders', () => {
    expect(importCycles(electronDir)).toEqual({ files: [], folders: [] });
  });
});
