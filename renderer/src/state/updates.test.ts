import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcRequest, IpcResult, UpdateStatus } from '../../../shared/ipc/contract';
import { defaultDevicePolicy, type DevicePolicy } from '../../../shared/schemas/devicePolicy';
import { resetDevicePolicy, useDevicePolicy } from './devicePolicy';
import { followUpdatePolicy, useUpdateStatus, type Timers } from './updates';
import { updateNote } from '../app/updateNote';

// The real policy store and a fake host that records what the renderer asks it.

const feed = { channel: 'latest', url: 'https://counterdesk.tax.keelung.gov.tw/updates/' } as const;

class FakeHost {
  readonly checks: IpcRequest<'app:check-for-updates'>[] = [];
  answer: IpcResult<UpdateStatus> = { ok: true, value: { state: 'up-to-date' } };
  pending: (() => void)[] = [];
  hold = false;

  'app:check-for-updates' = async (request: IpcRequest<'app:check-for-updates'>): Promise<IpcResult<UpdateStatus>> => {
    this.checks.push(request);
    if (this.hold) await new Promise<void>((resolve) => this.pending.push(resolve));
    return this.answer;
  };
}

class FakeTimers implements Timers {
  readonly active = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  setInterval(callback: () => void, ms: number): number {
    const id = this.next++;
    this.active.set(id, { callback, ms });
    return id;
  }
  clearInterval(handle: unknown): void {
    this.active.delete(handle as number);
  }
  tick(): void {
    for (const { callback } of [...this.active.values()]) callback();
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const setPolicy = (update: DevicePolicy['update']) => useDevicePolicy.setState({ policy: { ...defaultDevicePolicy, update } });

let host: FakeHost;
let timers: FakeTimers;
let stop: () => void;

function start() {
  stop = followUpdatePolicy({
    host,
    getPolicy: () => useDevicePolicy.getState().policy,
    subscribe: (listener) => useDevicePolicy.subscribe(listener),
    intervalMs: 3_600_000,
    timers,
  });
}

beforeEach(() => {
  resetDevicePolicy();
  useUpdateStatus.setState({ status: undefined });
  host = new FakeHost();
  timers = new FakeTimers();
});
afterEach(() => stop());

describe('following the server’s update feed', () => {
  it('asks nothing until the policy names a feed, then checks it at once and every hour', async () => {
    start();
    await flush();
    expect(host.checks).toEqual([]);
    expect(timers.active.size).toBe(0);

    setPolicy(feed);
    await flush();
    expect(host.checks).toEqual([feed]);
    expect([...timers.active.values()].map((timer) => timer.ms)).toEqual([3_600_000]);
    expect(useUpdateStatus.getState().status).toEqual({ state: 'up-to-date' });

    timers.tick();
    await flush();
    expect(host.checks).toEqual([feed, feed]);
  });

  it('checks again when a sync brings a new channel or URL, and not for an unchanged one', async () => {
    setPolicy(feed);
    start();
    await flush();
    // A sync that refreshes the policy with the same feed (a new object) asks nothing.
    setPolicy({ ...feed });
    useDevicePolicy.setState({ policy: { ...defaultDevicePolicy, autoLockMinutes: 3, update: { ...feed } } });
    await flush();
    expect(host.checks).toHaveLength(1);

    const beta = { channel: 'beta', url: 'https://counterdesk.tax.keelung.gov.tw/updates/beta/' } as const;
    setPolicy(beta);
    await flush();
    expect(host.checks).toEqual([feed, beta]);
    expect(timers.active.size).toBe(1);

    setPolicy(null);
    await flush();
    expect(timers.active.size).toBe(0);
    expect(useUpdateStatus.getState().status).toBeUndefined();
  });

  it('never runs two checks at a time', async () => {
    host.hold = true;
    setPolicy(feed);
    start();
    timers.tick();
    timers.tick();
    await flush();
    expect(host.checks).toHaveLength(1);
    for (const resolve of host.pending) resolve();
    await flush();
    timers.tick();
    await flush();
    expect(host.checks).toHaveLength(2);
  });

  it('keeps what the host answered, a waiting download or a failure, for the workspace bar', async () => {
    host.answer = { ok: true, value: { state: 'deferred', version: '0.2.0' } };
    setPolicy(feed);
    start();
    await flush();
    expect(updateNote(useUpdateStatus.getState().status)).toEqual({ key: 'updateDeferred', version: '0.2.0' });

    host.answer = { ok: false, code: 'internal_error', message: 'The host failed to complete app:check-for-updates.' };
    timers.tick();
    await flush();
    expect(useUpdateStatus.getState().status).toEqual({ state: 'error', message: 'The host failed to complete app:check-for-updates.' });
    expect(updateNote(useUpdateStatus.getState().status)?.key).toBe('updateFailed');
    expect(updateNote({ state: 'up-to-date' })).toBeUndefined();
    expect(updateNote({ state: 'disabled' })).toBeUndefined();
  });

  it('stops asking once stopped', async () => {
    setPolicy(feed);
    start();
    await flush();
    stop();
    setPolicy({ channel: 'beta', url: feed.url });
    await flush();
    expect(host.checks).toHaveLength(1);
    expect(timers.active.size).toBe(0);
  });
});
