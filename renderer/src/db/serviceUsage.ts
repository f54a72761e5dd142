import { z } from 'zod';
import { getDb, type CounterDeskDb } from './database';

/** How often this counter registered each service, so the picker lists the most-used first. */
const KEY = 'serviceUsage';
const usageSchema = z.record(z.string(), z.number().int().nonnegative());

export async function loadServiceUsage(db: CounterDeskDb = getDb()): Promise<Record<string, number>> {
  const parsed = usageSchema.safeParse((await db.meta.get(KEY))?.value);
  return parsed.success ? parsed.data : {};
}

export async function bumpServiceUsage(serviceId: string, db: CounterDeskDb = getDb()): Promise<Record<string, number>> {
  return db.transaction('rw', db.meta, async () => {
    const usage = await loadServiceUsage(db);
    const next = { ...usage, [serviceId]: (usage[serviceId] ?? 0) + 1 };
    await db.meta.put({ key: KEY, value: next });
    return next;
  });
}
