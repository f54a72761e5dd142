import type { UpdaterLike } from '../main/app/updater';

/**
 * A stand-in for electron-updater's autoUpdater, for tests only: `available` is what the feed offers,
 * `finishDownload()` plays the end of the automatic download, and every feed change and install request
 * is recorded.
 */
export class FakeUpdater implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  available: string | undefined;
  checkError: Error | undefined;
  checks = 0;
  readonly feeds: { provider: 'generic'; url: string; channel: string }[] = [];
  readonly installs: { isSilent: boolean | undefined; isForceRunAfter: boolean | undefined }[] = [];
  private readonly downloaded: ((info: { version: string }) => void)[] = [];
  private readonly errors: ((error: Error) => void)[] = [];

  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void {
    this.feeds.push({ ...options });
  }

  async checkForUpdates() {
    this.checks += 1;
    if (this.checkError !== undefined) throw this.checkError;
    return this.available === undefined
      ? { isUpdateAvailable: false, updateInfo: { version: '0.1.0' } }
      : { isUpdateAvailable: true, updateInfo: { version: this.available } };
  }

  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push({ isSilent, isForceRunAfter });
  }

  on(event: 'update-downloaded', listener: (info: { readonly version: string }) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'update-downloaded' | 'error', listener: ((info: { readonly version: string }) => void) | ((error: Error) => void)): this {
    if (event === 'update-downloaded') this.downloaded.push(listener as (info: { version: string }) => void);
    else this.errors.push(listener as (error: Error) => void);
    return this;
  }

  finishDownload(): void {
    const version = this.available ?? '0.0.0';
    for (const listener of this.downloaded) listener({ version });
  }

  fail(error: Error): void {
    for (const listener of this.errors) listener(error);
  }
}
