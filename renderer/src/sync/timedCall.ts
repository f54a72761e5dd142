import { measureClockOffset } from './clockOffset';

/** A server call whose answer carries `serverTime`, timed to measure the offset of the device clock. */
export type TimedCall = <T extends { serverTime: string }>(call: () => Promise<T>) => Promise<T>;

export function timedCall(now: () => Date, onClockOffset?: (offsetMs: number) => void): TimedCall {
  return async (call) => {
    const sentAt = now().getTime();
    const response = await call();
    onClockOffset?.(measureClockOffset(sentAt, now().getTime(), response.serverTime));
    return response;
  };
}
