/**
 * When each device was last seen: the time of its last authenticated request, for the administrator's
 * device list. Writing it on every request would add a write to every push, pull and upload, so a
 * process writes it at most once a minute per device (remembered in memory), and the UPDATE itself
 * skips a row another process wrote less than a minute ago. The time is the server's clock, to the
 * minute at worst. A failed write is logged and never fails the request it rode on.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context/appContext';

export const LAST_SEEN_INTERVAL_MS = 60_000;

export function registerDeviceLastSeen(app: FastifyInstance, context: AppContext): void {
  const written = new Map<string, number>();
  app.addHook('preHandler', async (request) => {
    const device = request.authDevice;
    if (!device) return;
    const now = context.now();
    const last = written.get(device.id);
    if (last !== undefined && now.getTime() - last < LAST_SEEN_INTERVAL_MS) return;
    written.set(device.id, now.getTime());
    try {
      await context.db.query(
        "UPDATE devices SET last_seen_at = $2 WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at <= $2::timestamptz - interval '1 minute')",
        [device.id, now],
      );
    } catch (error) {
      request.log.warn({ err: error }, 'could not record when the device was last seen');
    }
  });
}
