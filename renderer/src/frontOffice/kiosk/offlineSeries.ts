import { z } from 'zod';
import { offlineTicketNumber, queueGroupCodeSchema, type QueueGroupCode } from '../../../../shared/domain/queueGroups';
import { isoDateSchema } from '../../../../shared/schemas/primitives';
import { kioskKeys, readStored, writeStored, type KioskStorage } from './kioskStorage';

/**
 * The kiosk's own ticket series for when the server cannot be reached: per office day and group, the
 * last sequence number used. The next number is written to storage before it is returned, so a ticket
 * printed and then a power cut never leads to the same number printed again.
 */
const seriesSchema = z.object({
  day: isoDateSchema,
  last: z.partialRecord(queueGroupCodeSchema, z.number().int().nonnegative()),
});

export function nextOfflineNumber(storage: KioskStorage, input: { group: QueueGroupCode; kioskNo: number; officeDay: string }): string {
  const stored = readStored(storage, kioskKeys.series, seriesSchema);
  // A clock turned back to yesterday keeps today's series going rather than starting one again.
  const day = stored && stored.day > input.officeDay ? stored.day : input.officeDay;
  const last = stored?.day === day ? stored.last : {};
  const seq = (last[input.group] ?? 0) + 1;
  writeStored(storage, kioskKeys.series, { day, last: { ...last, [input.group]: seq } });
  return offlineTicketNumber(input.group, input.kioskNo, seq);
}
