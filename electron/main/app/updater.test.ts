import { describe, expect, it } from 'vitest';
import { FakeUpdater } from '../../testing/fakeUpdater';
import { createUpdateController, feedUrlProblem } from './updater';

const serverUrl = 'https://counterdesk.tax.keelung.gov.tw';
const feed = { channel: 'latest', url: 'https://counterdesk.tax.keelung.gov.tw/updates/win/' };

function setup(isPackaged = true) {
  const updater = new FakeUpdater();
  let created = 0;
  const logged: string[] = [];
  const controller = createUpdateController({
    updater: () => {
      created += 1;
      return updater;
    },
    isPackaged,
    serverUrl,
    log: (message) => logged.push(message),
  });
  return { updater, controller, logged, created: () => created };
}

describe('feed URL', () => {
  it('must be https on the central server’s origin', () => {
    expect(feedUrlProblem(feed.url, serverUrl)).toBeUndefined();
    expect(feedUrlProblem('http://counterdesk.tax.keelung.gov.tw/updates/', serverUrl)).toMatch(/https/);
    expect(feedUrlProblem('https://counterdesk.tax.keelung.gov.tw.evil.example/updates/', serverUrl)).toMatch(/central server/);
    expect(feedUrlProblem('https://user:pw@counterdesk.tax.keelung.gov.tw/updates/', serverUrl)).toMatch(/password/);
    expect(feedUrlProblem('http://127.0.0.1:8787/updates/', 'http://127.0.0.1:8787')).toBeUndefined();
    expect(feedUrlProblem('nonsense', serverUrl)).toMatch(/not a URL/);
  });
});

describe('update controller', () => {
  it('never loads the updater in an unpackaged app', async () => {
    const { controller, created } = setup(false);
    expect(await controller.check(feed)).toMatchObject({ state: 'disabled' });
    expect(created()).toBe(0);
  });

  it('configures the generic feed, downloads automatically and installs on quit as a fallback', async () => {
    const { controller, updater } = setup();
    expect(await controller.check(feed)).toEqual({ state: 'up-to-date' });
    expect(updater.feeds).toEqual([{ provider: 'generic', url: feed.url, channel: 'latest' }]);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false });
  });

  it('installs a downloaded update at once when no case is being entered', async () => {
    const { controller, updater } = setup();
    updater.available = '0.2.0';
    expect(await controller.check(feed)).toEqual({ state: 'downloading', version: '0.2.0' });
    updater.finishDownload();
    expect(updater.installs).toEqual([{ isSilent: true, isForceRunAfter: true }]);
    expect(controller.status()).toEqual({ state: 'installing', version: '0.2.0' });
  });

  it('waits while a case is being entered, however often the renderer checks, and installs when idle', async () => {
    const { controller, updater } = setup();
    updater.available = '0.2.0';
    controller.setBusy(true);
    await controller.check(feed);
    updater.finishDownload();
    expect(controller.status()).toEqual({ state: 'deferred', version: '0.2.0' });
    expect(await controller.check(feed)).toEqual({ state: 'deferred', version: '0.2.0' });
    expect(controller.setBusy(true)).toEqual({ state: 'deferred', version: '0.2.0' });
    expect(updater.installs).toEqual([]);
    expect(updater.checks).toBe(1);
    expect(controller.setBusy(false)).toEqual({ state: 'installing', version: '0.2.0' });
    expect(updater.installs).toHaveLength(1);
  });

  it('runs one check at a time', async () => {
    const { controller, updater } = setup();
    const [first, second] = await Promise.all([controller.check(feed), controller.check(feed)]);
    expect(first).toEqual(second);
    expect(updater.checks).toBe(1);
  });

  it('reports a failed check or download as data and lets the next check try again', async () => {
    const { controller, updater } = setup();
    updater.checkError = new Error('net::ERR_CONNECTION_REFUSED');
    expect(await controller.check(feed)).toEqual({ state: 'error', message: 'net::ERR_CONNECTION_REFUSED' });
    updater.checkError = undefined;
    updater.available = '0.2.0';
    expect(await controller.check(feed)).toEqual({ state: 'downloading', version: '0.2.0' });
    updater.fail(new Error('sha512 checksum mismatch'));
    expect(controller.status()).toEqual({ state: 'error', message: 'sha512 checksum mismatch' });
    expect(await controller.check(feed)).toEqual({ state: 'downloading', version: '0.2.0' });
    expect(updater.installs).toEqual([]);
  });

  it('refuses a feed elsewhere without loading the updater', async () => {
    const { controller, created } = setup();
    expect(await controller.check({ channel: 'latest', url: 'https://evil.example/feed/' })).toMatchObject({ state: 'error' });
    expect(created()).toBe(0);
  });
});
