import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { hostConfigSchema, type HostConfig } from '../../../shared/ipc/contract';

/**
 * The host's configuration: which central server to talk to and this device's id.
 *
 * Sources, later ones winning: built-in defaults (a server on this machine, the demo device), the JSON file
 * `counterdesk.json` in the userData folder (what bureau IT deploys), then the environment
 * (COUNTERDESK_SERVER_URL, COUNTERDESK_DEVICE_ID). The merged result is parsed with the contract's schema
 * and then held to one more rule: taxpayer data never travels over plain http except to this machine.
 */

export const HOST_CONFIG_FILE = 'counterdesk.json';

export const DEFAULT_HOST_CONFIG: HostConfig = {
  serverUrl: 'http://127.0.0.1:8787',
  deviceId: 'demo-counter-01',
};

/** The configuration cannot be used; `message` is written for the IT staff who deploy the app. */
export class HostConfigError extends Error {
  override readonly name = 'HostConfigError';
}

// Strict, so a misspelt key ("serverURL") is reported instead of silently falling back to the default.
const configFileSchema = z.strictObject({
  serverUrl: z.string().optional(),
  deviceId: z.string().optional(),
  /** Set by IT when a device is provisioned without the enrolment screen (demo counters, images). */
  deviceSecret: z.string().optional(),
  /**
   * Where scans are moved once stored encrypted in the app, instead of being deleted (an absolute
   * path; docs/decisions/0034-device-at-rest-and-its-clock.md). Not part of what the renderer sees.
   */
  scanArchiveFolder: z.string().optional(),
});

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host === '::1') return true;
  return /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host);
}

/** Refuses anything but https, or http to a loopback host; returns the URL without trailing slashes. */
export function checkServerUrl(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new HostConfigError(`serverUrl "${serverUrl}" is not a URL.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new HostConfigError('serverUrl must not contain a user name or password.');
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw new HostConfigError(
        `serverUrl "${serverUrl}" uses plain http to another computer; taxpayer data must travel over https. ` +
          'Use https://…, or http:// only for a server on this computer (127.0.0.1 or localhost).',
      );
    }
  } else if (url.protocol !== 'https:') {
    throw new HostConfigError(`serverUrl "${serverUrl}" must be an https:// URL.`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new HostConfigError(`serverUrl "${serverUrl}" must not have a query or fragment.`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * Merge defaults, the parsed config file (undefined when there is none) and the environment.
 * Pure, so every rule is testable without files.
 */
export function resolveHostConfig(file: unknown, env: Readonly<Record<string, string | undefined>>): HostConfig {
  const fromFile = configFileSchema.safeParse(file ?? {});
  if (!fromFile.success) {
    const detail = fromFile.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`);
    throw new HostConfigError(`${HOST_CONFIG_FILE} is not valid: ${detail.join('; ')}`);
  }
  const merged = {
    serverUrl: nonEmpty(env.COUNTERDESK_SERVER_URL) ?? fromFile.data.serverUrl ?? DEFAULT_HOST_CONFIG.serverUrl,
    deviceId: nonEmpty(env.COUNTERDESK_DEVICE_ID) ?? fromFile.data.deviceId ?? DEFAULT_HOST_CONFIG.deviceId,
    deviceSecret: nonEmpty(env.COUNTERDESK_DEVICE_SECRET) ?? fromFile.data.deviceSecret,
  };
  const parsed = hostConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
    throw new HostConfigError(`The host configuration is not valid: ${detail.join('; ')}`);
  }
  return { ...parsed.data, serverUrl: checkServerUrl(parsed.data.serverUrl) };
}

/**
 * The folder stored scans are moved into (COUNTERDESK_SCAN_ARCHIVE_FOLDER, else the file's
 * `scanArchiveFolder`), or undefined: then they are deleted. A relative path is refused.
 */
export function resolveScanArchiveFolder(file: unknown, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const fromFile = configFileSchema.safeParse(file ?? {});
  const folder = nonEmpty(env.COUNTERDESK_SCAN_ARCHIVE_FOLDER) ?? (fromFile.success ? nonEmpty(fromFile.data.scanArchiveFolder) : undefined);
  if (folder !== undefined && !path.isAbsolute(folder)) {
    throw new HostConfigError(`scanArchiveFolder "${folder}" must be an absolute path.`);
  }
  return folder;
}

/** Read `counterdesk.json` from `userDataDir` (a missing file is fine) and resolve the configuration. */
export async function loadHostConfig(
  userDataDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<HostConfig> {
  return resolveHostConfig(await readHostConfigFile(userDataDir), env);
}

/** `loadHostConfig`'s file, for the settings that stay in the host (resolveScanArchiveFolder). */
export async function readHostConfigFile(userDataDir: string): Promise<unknown> {
  const filePath = path.join(userDataDir, HOST_CONFIG_FILE);
  let text: string | undefined;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new HostConfigError(`Cannot read ${filePath}: ${(error as Error).message}`);
    }
  }
  let file: unknown;
  if (text !== undefined) {
    try {
      file = JSON.parse(text);
    } catch (error) {
      throw new HostConfigError(`${filePath} is not valid JSON: ${(error as Error).message}`);
    }
  }
  return file;
}
