import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

// electron-builder.yml against the JSON schema electron-builder itself validates configurations with
// (app-builder-lib/scheme.json), plus the choices the schema cannot express: the flipped fuses, the
// targets, the per-machine installer and the generic update feed.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// js-yaml ships no types of its own; this is the one function used.
const yaml = require('js-yaml') as { load(text: string): unknown };

const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  win: { target: string[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: string[]; icon: string };
  publish: { provider: string; url: string; channel: string }[];
};

const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;

function errorsOf(candidate: unknown): string[] {
  return validate(candidate) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('electron-builder.yml', () => {
  it('matches electron-builder’s JSON schema', () => {
    expect(errorsOf(config)).toEqual([]);
  });

  it('fails the schema when broken, so the check above can fail', () => {
    expect(errorsOf({ ...config, appID: 'misspelt' }).length).toBeGreaterThan(0);
    expect(errorsOf({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } }).length).toBeGreaterThan(0);
    expect(errorsOf({ ...config, nsis: { ...config.nsis, perMachine: 'yes' } }).length).toBeGreaterThan(0);
  });

  it('flips the fuses that turn the binary into a general-purpose runtime off', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('names the app and builds a per-machine NSIS installer, an AppImage and a deb, with icons from build/', () => {
    expect(config.appId).toBe('tw.gov.keelung.tax.counterdesk');
    expect(config.productName).toBe('CounterDesk');
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    for (const icon of [config.win.icon, config.linux.icon]) {
      const png = readFileSync(path.join(root, icon));
      // electron-builder makes the .ico and the Linux sizes from one PNG of at least 256×256.
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(256);
    }
  });

  it('publishes to a generic https feed', () => {
    expect(config.publish).toHaveLength(1);
    expect(config.publish[0]).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(new URL(config.publish[0]?.url ?? '').protocol).toBe('https:');
  });
});
