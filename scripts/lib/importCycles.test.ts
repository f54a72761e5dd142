import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './importCycles';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'import-cycles-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function tree(files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
}

describe('importGraph', () => {
  it('follows every form of relative import, type-only ones included, and nothing else', async () => {
    await tree({
      'a.ts': [
        "import { b } from './b';",
        "import type { C } from './sub/c';",
        "export { d } from './d.js';",
        "import './e';",
        "const f = await import('./f');",
        "const g = require('./g');",
        "import { z } from 'zod';",
        "import { outside } from '../outside';",
        "import { missing } from './missing';",
      ].join('\n'),
      'b.ts': '',
      'sub/c.ts': '',
      'd.ts': '',
      'e.ts': '',
      'f.tsx': '',
      'g/index.ts': '',
    });
    expect(importGraph(root).get('a.ts')).toEqual(['b.ts', 'd.ts', 'e.ts', 'f.tsx', 'g/index.ts', 'sub/c.ts']);
  });

  it('leaves test files out', async () => {
    await tree({ 'a.ts': '', 'a.test.ts': "import { a } from './a';" });
    expect([...importGraph(root).keys()]).toEqual(['a.ts']);
  });
});

describe('importCycles', () => {
  it('finds nothing in a layered tree', async () => {
    await tree({ 'main.ts': "import './x/a';", 'x/a.ts': "import '../y/b';", 'y/b.ts': '' });
    expect(importCycles(root)).toEqual({ files: [], folders: [] });
  });

  it('names the files around a cycle, through a type-only import too', async () => {
    await tree({
      'a.ts': "import { b } from './b';",
      'b.ts': "import type { C } from './c';",
      'c.ts': "import { a } from './a';",
      'd.ts': "import { a } from './a';",
    });
    expect(importCycles(root).files).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('finds a cycle between folders whose files do not form one', async () => {
    await tree({
      'print/handlers.ts': "import type { Deps } from '../ipc/deps';",
      'ipc/deps.ts': '',
      'ipc/merge.ts': "import { handlers } from '../print/handlers';",
    });
    expect(importCycles(root)).toEqual({ files: [], folders: [['ipc', 'print']] });
  });

  it('counts the root folder and a folder inside another as folders of their own', async () => {
    await tree({ 'main.ts': "import './sub/a';", 'sub/a.ts': "import '../util';", 'util.ts': '' });
    expect(importCycles(root).folders).toEqual([['.', 'sub']]);
  });

  it('reports a file that imports itself', async () => {
    await tree({ 'a.ts': "import './a';" });
    expect(importCycles(root).files).toEqual([['a.ts']]);
  });
});
