import { isAppUrl } from './appUrl';

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrameLike {
  readonly url: string;
  /** null (or absent) for a top-level frame. */
  readonly parent?: unknown;
}

/**
 * Trust an IPC call only from the top-level frame of the app's own origin.
 *
 * A null frame (navigated away or destroyed before the message was handled) is refused, as is any
 * subframe: the UI never embeds frames, so a frame inside one is content we did not ship.
 */
export function isTrustedSender(frame: SenderFrameLike | null): boolean {
  if (frame === null) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isAppUrl(frame.url);
}
