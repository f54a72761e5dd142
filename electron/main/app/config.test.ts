import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkServerUrl, DEFAULT_HOST_CONFIG, HOST_CONFIG_FILE, HostConfigError, isLoopbackHost, loadHostConfig, readHostConfigFile, resolveHostConfig, resolveScanArchiveFolder } from './config';

let userData: string;

beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'counterdesk-config-'));
});

afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

const writeConfig = (content: string) => writeFile(path.join(userData, HOST_CONFIG_FILE), content);

describe('loadHostConfig', () => {
  it('uses the defaults when there is neither file nor environment', async () => {
    expect(await loadHostConfig(userData, {})).toEqual({ serverUrl: 'http://127.0.0.1:8787', deviceId: 'demo-counter-01' });
    expect(DEFAULT_HOST_CONFIG).toEqual({ serverUrl: 'http://127.0.0.1:8787', deviceId: 'demo-counter-01' });
  });

  it('reads counterdesk.json from userData', async () => {
    await writeConfig(JSON.stringify({ serverUrl: 'https://counterdesk.tax.keelung.gov.tw/', deviceId: 'keelung-counter-03' }));
    expect(await loadHostConfig(userData, {})).toEqual({ serverUrl: 'https://counterdesk.tax.keelung.gov.tw', deviceId: 'keelung-counter-03' });
  });

  it('lets the environment override the file, ignoring empty variables', async () => {
    await writeConfig(JSON.stringify({ serverUrl: 'https://counterdesk.tax.keelung.gov.tw', deviceId: 'keelung-counter-03' }));
    const env = { COUNTERDESK_SERVER_URL: 'http://localhost:9000', COUNTERDESK_DEVICE_ID: '' };
    expect(await loadHostConfig(userData, env)).toEqual({ serverUrl: 'http://localhost:9000', deviceId: 'keelung-counter-03' });
  });

  it('reports a file that is not JSON, or has unknown or wrong keys', async () => {
    await writeConfig('{ serverUrl: nope');
    await expect(loadHostConfig(userData, {})).rejects.toThrow(/counterdesk\.json is not valid JSON/);
    await writeConfig(JSON.stringify({ serverURL: 'https://counterdesk.tax.keelung.gov.tw' }));
    await expect(loadHostConfig(userData, {})).rejects.toThrow(HostConfigError);
    await writeConfig(JSON.stringify({ deviceId: 42 }));
    await expect(loadHostConfig(userData, {})).rejects.toThrow(/deviceId/);
  });
});

describe('serverUrl rules', () => {
  it('refuses plain http to anything but this computer, with an explanation', () => {
    for (const url of ['http://counterdesk.tax.keelung.gov.tw', 'http://10.0.0.5:8787', 'http://192.168.1.20', 'http://[::2]:8787', 'http://127.evil.example', 'http://localhost.evil.example']) {
      expect(() => resolveHostConfig(undefined, { COUNTERDESK_SERVER_URL: url }), url).toThrow(/plain http to another computer/);
    }
  });

  it('accepts https anywhere and http on loopback', () => {
    for (const [url, expected] of [
      ['https://counterdesk.tax.keelung.gov.tw', 'https://counterdesk.tax.keelung.gov.tw'],
      ['https://10.0.0.5:8443/counterdesk/', 'https://10.0.0.5:8443/counterdesk'],
      ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
      ['http://127.1.2.3:8787', 'http://127.1.2.3:8787'],
      ['http://localhost:8787/', 'http://localhost:8787'],
      ['http://[::1]:8787', 'http://[::1]:8787'],
    ] as const) {
      expect(resolveHostConfig(undefined, { COUNTERDESK_SERVER_URL: url }).serverUrl, url).toBe(expected);
    }
  });

  it('refuses other schemes, credentials, queries and non-URLs', () => {
    expect(() => checkServerUrl('ftp://counterdesk.tax.keelung.gov.tw')).toThrow(/must be an https/);
    expect(() => checkServerUrl('https://admin:pw@counterdesk.tax.keelung.gov.tw')).toThrow(/user name or password/);
    expect(() => checkServerUrl('https://counterdesk.tax.keelung.gov.tw/?debug=1')).toThrow(/query or fragment/);
    expect(() => resolveHostConfig(undefined, { COUNTERDESK_SERVER_URL: 'counterdesk' })).toThrow(HostConfigError);
  });

  it('recognises loopback hosts only', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.255.255.254')).toBe(true);
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
  });

  it('refuses a device id the contract does not allow', () => {
    expect(() => resolveHostConfig({ deviceId: 'x'.repeat(65) }, {})).toThrow(/deviceId/);
  });
});

describe('device secret', () => {
  it('comes from the environment before the file, and is absent when neither gives one', () => {
    expect(resolveHostConfig({ deviceSecret: 'from-file-secret-0123456789abcdef0123456789' }, { COUNTERDESK_DEVICE_SECRET: 'from-env-secret-0123456789abcdef01234567890' }).deviceSecret).toBe('from-env-secret-0123456789abcdef01234567890');
    expect(resolveHostConfig({ deviceSecret: 'from-file-secret-0123456789abcdef0123456789' }, {}).deviceSecret).toBe('from-file-secret-0123456789abcdef0123456789');
    expect(resolveHostConfig({}, {}).deviceSecret).toBeUndefined();
  });
});

describe('scan archive folder', () => {
  it('is absent by default (stored scans are deleted), read from the file or the environment, never relative, never sent to the renderer', async () => {
    expect(resolveScanArchiveFolder(undefined, {})).toBeUndefined();
    await writeFile(path.join(userData, HOST_CONFIG_FILE), JSON.stringify({ scanArchiveFolder: '/srv/scans/kept' }));
    const file = await readHostConfigFile(userData);
    expect(resolveScanArchiveFolder(file, {})).toBe('/srv/scans/kept');
    expect(resolveScanArchiveFolder(file, { COUNTERDESK_SCAN_ARCHIVE_FOLDER: '/mnt/archive' })).toBe('/mnt/archive');
    expect(() => resolveScanArchiveFolder({ scanArchiveFolder: 'kept' }, {})).toThrow(/absolute/);
    expect(await loadHostConfig(userData, {})).not.toHaveProperty('scanArchiveFolder');
  });
});
