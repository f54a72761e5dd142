import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinaryStatus } from './electronBinary';

let nodeModules: string;

beforeEach(async () => {
  nodeModules = path.join(await mkdtemp(path.join(tmpdir(), 'counterdesk-electron-')), 'node_modules');
  await mkdir(path.join(nodeModules, 'electron'), { recursive: true });
  await writeFile(path.join(nodeModules, 'electron', 'package.json'), '{"name":"electron"}');
});

afterEach(async () => {
  await rm(path.dirname(nodeModules), { recursive: true, force: true });
});

describe('electronBinaryStatus', () => {
  it('reports the executable named by path.txt when it exists', async () => {
    await writeFile(path.join(nodeModules, 'electron', 'path.txt'), 'electron');
    await mkdir(path.join(nodeModules, 'electron', 'dist'));
    await writeFile(path.join(nodeModules, 'electron', 'dist', 'electron'), '');
    expect(electronBinaryStatus(nodeModules, {})).toEqual({ present: true, executablePath: path.join(nodeModules, 'electron', 'dist', 'electron') });
  });

  it('reports a missing download when path.txt is absent', () => {
    const status = electronBinaryStatus(nodeModules, {});
    expect(status.present).toBe(false);
    expect(!status.present && status.reason).toMatch(/path\.txt is missing/);
  });

  it('reports a path.txt that points at nothing', async () => {
    await writeFile(path.join(nodeModules, 'electron', 'path.txt'), 'electron');
    expect(electronBinaryStatus(nodeModules, {})).toMatchObject({ present: false });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', async () => {
    await writeFile(path.join(nodeModules, 'electron', 'path.txt'), 'electron');
    const dist = path.join(path.dirname(nodeModules), 'custom-dist');
    await mkdir(dist);
    await writeFile(path.join(dist, 'electron'), '');
    expect(electronBinaryStatus(nodeModules, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({ present: true, executablePath: path.join(dist, 'electron') });
  });

  it('reports a missing electron package', () => {
    expect(electronBinaryStatus(path.join(nodeModules, 'nowhere'), {})).toMatchObject({ present: false });
  });

  it('agrees with this checkout, where the binary was never downloaded unless path.txt exists', () => {
    const modules = path.resolve('node_modules');
    const status = electronBinaryStatus(modules, {});
    if (!existsSync(path.join(modules, 'electron', 'path.txt'))) expect(status.present).toBe(false);
    if (status.present) expect(existsSync(status.executablePath)).toBe(true);
  });
});
