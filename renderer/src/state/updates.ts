/**
 * Passes the bureau's update feed (device policy `update`: channel and URL, set by the central server)
 * on to the host, which downloads with electron-updater and installs only while no case is being
 * entered (the intake form reports that through `app:set-busy`).
 *
 * Invariants: the host is asked only when the policy names a feed; at once when the follower starts
 * and whenever the feed changes (the policy is refreshed after each sync), then every
 * UPDATE_CHECK_INTERVAL_MS; never two checks at a time. The last answer is kept in a store for the
 * workspace bar, which shows only what the clerk may want to know (downloading, waiting, installing,
 * failing) and nothing when the app is current.
 */
import { useEffect } from 'react';
import { defineStore } from './defineStore';
import type { DevicePolicy } from '../../../shared/schemas/devicePolicy';
import type { HostBridge, UpdateStatus } from '../../../shared/ipc/contract';
import { getHost } from '../host/host';
import { useDevicePolicy } from './devicePolicy';

/** A counter runs all day: once an hour is soon enough, and light on the intranet server. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

type Feed = NonNullable<DevicePolicy['update']>;

interface UpdateState {
  status?: UpdateStatus;
}

export const useUpdateStatus = defineStore<UpdateState>(() => ({}));

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface UpdateFollowerOptions {
  readonly host: Pick<HostBridge, 'app:check-for-updates'>;
  /** The policy now, and a way to hear when it changes (zustand's getState/subscribe fit). */
  readonly getPolicy: () => DevicePolicy;
  readonly subscribe: (listener: () => void) => () => void;
  readonly intervalMs?: number;
  readonly timers?: Timers;
}

const sameFeed = (a: Feed | null, b: Feed | null) => a?.channel === b?.channel && a?.url === b?.url;

/** Starts following the policy's feed; returns the function that stops it. */
export function followUpdatePolicy(options: UpdateFollowerOptions): () => void {
  const timers: Timers = options.timers ?? {
    setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
    clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
  };
  const intervalMs = options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS;
  let feed: Feed | null = null;
  let timer: unknown;
  let running = false;
  let stopped = false;

  async function check(): Promise<void> {
    if (feed === null || running || stopped) return;
    running = true;
    try {
      const result = await options.host['app:check-for-updates']({ channel: feed.channel, url: feed.url });
      if (!stopped) useUpdateStatus.setState({ status: result.ok ? result.value : { state: 'error', message: result.message } });
    } finally {
      running = false;
    }
  }

  function follow(next: Feed | null): void {
    if (sameFeed(feed, next) && (next === null || timer !== undefined)) return;
    feed = next;
    if (timer !== undefined) timers.clearInterval(timer);
    timer = undefined;
    if (feed === null) {
      useUpdateStatus.setState({ status: undefined });
      return;
    }
    timer = timers.setInterval(() => void check(), intervalMs);
    void check();
  }

  follow(options.getPolicy().update);
  const unsubscribe = options.subscribe(() => follow(options.getPolicy().update));
  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== undefined) timers.clearInterval(timer);
  };
}

/** Follows the device policy's feed while the calling component (the signed-in workspace) is shown. */
export function useUpdateFollower(): void {
  useEffect(
    () =>
      followUpdatePolicy({
        host: getHost(),
        getPolicy: () => useDevicePolicy.getState().policy,
        subscribe: (listener) => useDevicePolicy.subscribe(listener),
      }),
    [],
  );
}
