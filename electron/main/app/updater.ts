import type { UpdateStatus } from '../../../shared/ipc/contract';
import { isLoopbackHost } from './config';

/**
 * Updates from the bureau's intranet, with electron-updater's generic provider, driven by the central
 * server: after sign-in the renderer passes on the channel and feed URL the server gave it.
 *
 * Invariants:
 * 1. the feed must be https (or http to this machine) on the same origin as the configured central
 *    server, so a renderer cannot point the updater at a feed of its choosing;
 * 2. an update never restarts the app while a case is being entered: a download that finishes while the
 *    renderer says it is busy waits ("deferred") until it says it is idle, and is otherwise installed
 *    when the app next quits (autoInstallOnAppQuit);
 * 3. an unpackaged app (development, tests) never updates;
 * 4. one check at a time: a second request while one runs answers the current state.
 */

/** The part of electron-updater's AppUpdater this module drives; the real `autoUpdater` fits it. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  checkForUpdates(): Promise<{ readonly isUpdateAvailable: boolean; readonly updateInfo: { readonly version: string } } | null>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { readonly version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateControllerOptions {
  /** electron-updater's `autoUpdater`, got only when first needed (it loads Electron's app object). */
  readonly updater: () => UpdaterLike;
  /** `app.isPackaged`. */
  readonly isPackaged: boolean;
  /** The configured central server; the feed must share its origin. */
  readonly serverUrl: string;
  readonly log?: (message: string, detail?: unknown) => void;
}

export interface UpdateController {
  check(request: { channel: string; url: string }): Promise<UpdateStatus>;
  setBusy(busy: boolean): UpdateStatus;
  status(): UpdateStatus;
  isBusy(): boolean;
}

/** Why a feed URL is refused, or undefined when it may be used. */
export function feedUrlProblem(feedUrl: string, serverUrl: string): string | undefined {
  let feed: URL;
  try {
    feed = new URL(feedUrl);
  } catch {
    return 'the update URL is not a URL';
  }
  if (feed.username !== '' || feed.password !== '') return 'the update URL must not carry a user name or password';
  if (feed.protocol !== 'https:' && !(feed.protocol === 'http:' && isLoopbackHost(feed.hostname))) {
    return 'the update URL must be https';
  }
  if (feed.origin !== new URL(serverUrl).origin) return `the update URL must be on the central server (${new URL(serverUrl).origin})`;
  return undefined;
}

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const log = options.log ?? ((message, detail) => console.warn(message, detail ?? ''));
  let busy = false;
  let current: UpdateStatus = options.isPackaged ? { state: 'up-to-date' } : { state: 'disabled', message: 'Updates run only in the installed app.' };
  let updater: UpdaterLike | undefined;
  let checking: Promise<UpdateStatus> | undefined;

  const install = (version: string) => {
    current = { state: 'installing', version };
    log(`updates: installing ${version}`);
    // Silent (no installer wizard at the counter), and start the new version right after.
    updater?.quitAndInstall(true, true);
  };

  function connect(): UpdaterLike {
    if (updater !== undefined) return updater;
    const instance = options.updater();
    instance.autoDownload = true;
    instance.autoInstallOnAppQuit = true;
    instance.allowDowngrade = false;
    instance.on('update-downloaded', (info) => {
      if (busy) {
        current = { state: 'deferred', version: info.version };
        log(`updates: ${info.version} downloaded; waiting until no case is being entered`);
      } else {
        install(info.version);
      }
    });
    instance.on('error', (error) => {
      current = { state: 'error', message: error.message };
      log('updates: failed', error.message);
    });
    updater = instance;
    return instance;
  }

  async function runCheck(request: { channel: string; url: string }): Promise<UpdateStatus> {
    const instance = connect();
    instance.setFeedURL({ provider: 'generic', url: request.url, channel: request.channel });
    try {
      const result = await instance.checkForUpdates();
      // The download may already have finished (and set the state) while the check was resolving.
      if (current.state === 'deferred' || current.state === 'installing') return current;
      current = result?.isUpdateAvailable === true ? { state: 'downloading', version: result.updateInfo.version } : { state: 'up-to-date' };
    } catch (error) {
      current = { state: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    return current;
  }

  return {
    async check(request) {
      if (!options.isPackaged) return current;
      const problem = feedUrlProblem(request.url, options.serverUrl);
      if (problem !== undefined) return { state: 'error', message: problem };
      if (current.state === 'deferred' || current.state === 'installing' || current.state === 'downloading') return current;
      if (checking !== undefined) return checking;
      checking = runCheck(request).finally(() => {
        checking = undefined;
      });
      return checking;
    },
    setBusy(next) {
      busy = next;
      if (!busy && current.state === 'deferred' && current.version !== undefined) install(current.version);
      return current;
    },
    status: () => current,
    isBusy: () => busy,
  };
}
