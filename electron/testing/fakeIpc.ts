import type { IpcInvokeEventLike, IpcMainLike } from '../main/ipc/ipcRouter';
import type { SenderFrameLike } from '../main/ipc/trustedSender';
import type { IpcInvoke } from '../preload/bridge';

/**
 * An in-process stand-in for Electron's IPC pair, for tests only: `ipcMain.handle` stores listeners the
 * way Electron does (one per channel), and `invokeFrom(frame, sender)` plays `ipcRenderer.invoke` from a
 * given frame. Arguments and replies go through structuredClone, as Electron serialises them, so nothing
 * that could not cross the real process boundary crosses this one.
 */

type Listener<S> = (event: IpcInvokeEventLike<S>, ...args: unknown[]) => unknown;

export interface FakeIpc<S> {
  readonly ipcMain: IpcMainLike<IpcInvokeEventLike<S>>;
  /** The channels that currently have a handler. */
  channels(): string[];
  invokeFrom(frame: SenderFrameLike | null, sender: S): IpcInvoke;
  /** Invoke with raw arguments, bypassing the preload's one-argument shape. */
  invokeRaw(frame: SenderFrameLike | null, sender: S, channel: string, ...args: unknown[]): Promise<unknown>;
}

export function createFakeIpc<S>(): FakeIpc<S> {
  const listeners = new Map<string, Listener<S>>();

  const invokeRaw = async (frame: SenderFrameLike | null, sender: S, channel: string, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`No handler registered for '${channel}'`);
    const reply = await listener({ senderFrame: frame, sender }, ...args.map((arg) => structuredClone(arg)));
    return structuredClone(reply);
  };

  return {
    ipcMain: {
      handle(channel, listener) {
        if (listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        listeners.set(channel, listener);
      },
      removeHandler(channel) {
        listeners.delete(channel);
      },
    },
    channels: () => [...listeners.keys()],
    invokeFrom: (frame, sender) => (channel, request) => invokeRaw(frame, sender, channel, request),
    invokeRaw,
  };
}
