import type { z } from 'zod';
import {
  ipcChannels,
  ipcContract,
  type IpcChannel,
  type IpcContract,
  type IpcResponse,
  type IpcResult,
} from '../../../shared/ipc/contract';
import { ipcFailure } from './ipcFailure';
import type { SenderFrameLike } from './trustedSender';

/**
 * The one module that touches `ipcMain`.
 *
 * Invariants, on every call of every channel:
 * 1. the sender is checked first; an untrusted one gets `untrusted_sender` and no handler runs;
 * 2. the request is parsed with the contract's zod schema; a handler only ever sees parsed data;
 * 3. a successful handler result is parsed with the contract's response schema before it leaves, so a
 *    handler bug surfaces as `internal_error` here rather than as bad data in the renderer;
 * 4. nothing throws across the boundary: every outcome is an `IpcResult`.
 */

/** The part of Electron's IpcMainInvokeEvent the router reads; `S` is the sender's webContents. */
export interface IpcInvokeEventLike<S> {
  readonly senderFrame: SenderFrameLike | null;
  readonly sender: S;
}

/** The part of Electron's `ipcMain` the router uses. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** A request after the contract's schema has parsed it (defaults applied). */
export type IpcHandlerRequest<C extends IpcChannel> = z.output<IpcContract[C]['request']>;

export interface IpcCallContext<S> {
  /** The webContents that sent the call: printing acts on what this renderer shows. */
  readonly sender: S;
}

/** One implementation per channel. Expected failures are returned as data, not thrown. */
export type IpcHandlers<S> = {
  [C in IpcChannel]: (request: IpcHandlerRequest<C>, context: IpcCallContext<S>) => Promise<IpcResult<IpcResponse<C>>>;
};

/**
 * The handlers of the channels named `P:…` (e.g. 'print'), as one group module implements them;
 * host/hostHandlers.ts merges the groups, and the full IpcHandlers type checks that none is missing.
 */
export type IpcHandlerGroup<S, P extends string> = Pick<IpcHandlers<S>, Extract<IpcChannel, `${P}:${string}`>>;

export type TrustedSenderCheck = (frame: SenderFrameLike | null) => boolean;

export interface IpcRouterOptions {
  /** Where refused calls and handler faults are reported. Defaults to console.error. */
  readonly log?: (message: string, detail?: unknown) => void;
}

/** "silent: expected boolean, received string; pageWidthMm: too small" — short enough for a log line. */
export function summariseIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length === 0 ? '(request)' : issue.path.map(String).join('.')}: ${issue.message}`)
    .join('; ');
}

async function route<C extends IpcChannel, S>(
  channel: C,
  handler: IpcHandlers<S>[C],
  event: IpcInvokeEventLike<S>,
  args: unknown[],
  isTrustedSender: TrustedSenderCheck,
  log: (message: string, detail?: unknown) => void,
): Promise<IpcResult<IpcResponse<C>>> {
  if (!isTrustedSender(event.senderFrame)) {
    log(`ipc: refused ${channel} from an untrusted sender`, { url: event.senderFrame?.url ?? null });
    return ipcFailure('untrusted_sender', 'This window may not use the host bridge.');
  }
  if (args.length !== 1) {
    return ipcFailure('invalid_request', `${channel} takes exactly one request object, got ${args.length} arguments.`);
  }
  const contract = ipcContract[channel];
  const request = contract.request.safeParse(args[0]);
  if (!request.success) {
    return ipcFailure('invalid_request', summariseIssues(request.error.issues));
  }

  let result: IpcResult<IpcResponse<C>>;
  try {
    // The indexed schema's output is the union over all channels; for this C it is IpcHandlerRequest<C>.
    result = await handler(request.data as IpcHandlerRequest<C>, { sender: event.sender });
  } catch (error) {
    log(`ipc: handler for ${channel} threw`, error);
    return ipcFailure('internal_error', `The host failed to complete ${channel}.`);
  }
  if (!result.ok) return ipcFailure(result.code, result.message);

  const response = contract.response.safeParse(result.value);
  if (!response.success) {
    log(`ipc: handler for ${channel} returned a response outside the contract`, summariseIssues(response.error.issues));
    return ipcFailure('internal_error', `The host failed to complete ${channel}.`);
  }
  return { ok: true, value: response.data as IpcResponse<C> };
}

/**
 * Register every contract channel on `ipcMain`. Returns a function that removes the handlers again.
 *
 * @param ipcMain Electron's `ipcMain` (or a stand-in with `handle` and `removeHandler`).
 * @param handlers one implementation per channel of the contract.
 * @param isTrustedSender decides from the sender frame whether a call is allowed (see trustedSender.ts).
 */
export function registerIpcHandlers<S>(
  ipcMain: IpcMainLike<IpcInvokeEventLike<S>>,
  handlers: IpcHandlers<S>,
  isTrustedSender: TrustedSenderCheck,
  options: IpcRouterOptions = {},
): () => void {
  const log = options.log ?? ((message, detail) => console.error(message, detail));
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, ...args) => route(channel, handlers[channel], event, args, isTrustedSender, log));
  }
  return () => {
    for (const channel of ipcChannels) ipcMain.removeHandler(channel);
  };
}
