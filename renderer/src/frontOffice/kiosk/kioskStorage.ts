import type { z } from 'zod';

/**
 * Where the kiosk keeps what must outlive a reload or a power cut: its credential, its offline number
 * series and the tickets printed offline that the server has not yet accepted. localStorage is
 * written synchronously, so a value is on disk before the next line runs (before a ticket prints).
 * Every value read back goes through its schema; one that does not parse counts as absent.
 */
export type KioskStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const kioskKeys = {
  credential: 'counterdesk.kiosk.credential',
  series: 'counterdesk.kiosk.offlineSeries',
  pending: 'counterdesk.kiosk.pendingTickets',
  refused: 'counterdesk.kiosk.refusedTickets',
  followBase: 'counterdesk.kiosk.followBase',
} as const;

export function readStored<S extends z.ZodType>(storage: KioskStorage, key: string, schema: S): z.infer<S> | undefined {
  const text = storage.getItem(key);
  if (text === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    console.warn(`kiosk storage: ${key} is not JSON; ignored`);
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) console.warn(`kiosk storage: ${key} does not match its schema; ignored`, parsed.error.message);
  return parsed.success ? parsed.data : undefined;
}

export function writeStored(storage: KioskStorage, key: string, value: unknown): void {
  storage.setItem(key, JSON.stringify(value));
}
