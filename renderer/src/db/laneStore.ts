import { z } from 'zod';
import { isoDateTimeSchema } from '../../../shared/schemas/primitives';
import { caseTicketSchema } from '../../../shared/schemas/ticketQueue';
import { getDb, type CounterDeskDb } from './database';

/**
 * The cars waiting in the drive-through lane (免下車服務). A car is added on arrival, taken into the
 * intake flow, linked to its case once the case is saved, and leaves the list when its receipt prints
 * or when the clerk removes it with a reason. Rows are kept after they leave (state `done` or
 * `removed`) so that the day's count numbers the next unnamed car and the lane can be accounted for.
 *
 * Rows are plain records: encryption at rest, where the device has it, is applied under Dexie.
 */

export const laneCarStateSchema = z.enum(['waiting', 'in-service', 'done', 'removed']);
export type LaneCarState = z.infer<typeof laneCarStateSchema>;

export const laneRemovalReasonSchema = z.enum(['left', 'sent-to-counter', 'not-eligible', 'other']);
export type LaneRemovalReason = z.infer<typeof laneRemovalReasonSchema>;

export const laneCarSchema = z.object({
  id: z.string().min(1),
  /** The day's running number at this device: "car 3" when no plate was given. */
  number: z.number().int().positive(),
  /** The plate as the clerk typed it, upper-cased; absent when not given. Up to 14 (the queue's plates, ABCD-1234-AB). */
  plate: z.string().trim().min(1).max(14).optional(),
  arrivedAt: isoDateTimeSchema,
  state: laneCarStateSchema,
  takenAt: isoDateTimeSchema.optional(),
  /** The case registered for this car, once saved: a reload resumes the flow from the documents. */
  caseId: z.string().optional(),
  leftAt: isoDateTimeSchema.optional(),
  removedReason: laneRemovalReasonSchema.optional(),
  /**
   * The server queue's ticket this window called the car with (features/lane with the queue online):
   * its case keeps it. Absent for a car of this computer's own list, the queue's offline fallback.
   */
  ticket: caseTicketSchema.optional(),
});
export type LaneCar = z.infer<typeof laneCarSchema>;

function laneTable(db: CounterDeskDb) {
  return db.table<LaneCar, string>('laneCars');
}

/** Rows that no longer parse (written by an older build, or damaged) are left out, never trusted. */
function parseRows(rows: readonly unknown[]): LaneCar[] {
  return rows.flatMap((row) => {
    const parsed = laneCarSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

function startOfLocalDay(now: Date): string {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.toISOString();
}

/** Plates are compared and shown upper-case without inner spaces (ABC-1234). */
export function normalisePlate(text: string): string | undefined {
  const plate = text.replace(/\s+/g, '').toUpperCase();
  return plate ? plate : undefined;
}

/** Cars still in the lane (waiting or being served), first arrived first. */
export async function listLaneCars(db: CounterDeskDb = getDb()): Promise<LaneCar[]> {
  const rows = await laneTable(db).orderBy('arrivedAt').toArray();
  return parseRows(rows).filter((car) => car.state === 'waiting' || car.state === 'in-service');
}

/** The cars kept under these ids (a server car this window called), whatever their state. */
export async function laneCarsWithIds(ids: readonly string[], db: CounterDeskDb = getDb()): Promise<LaneCar[]> {
  return parseRows((await laneTable(db).bulkGet([...ids])).filter((row) => row !== undefined));
}

export async function getLaneCar(id: string, db: CounterDeskDb = getDb()): Promise<LaneCar | undefined> {
  const parsed = laneCarSchema.safeParse(await laneTable(db).get(id));
  return parsed.success ? parsed.data : undefined;
}

/** Adds an arriving car; its number is one more than today's cars so far at this device. */
export async function addLaneCar(plateText: string, now: Date = new Date(), db: CounterDeskDb = getDb()): Promise<LaneCar> {
  return db.transaction('rw', laneTable(db), async () => {
    const today = await laneTable(db).where('arrivedAt').aboveOrEqual(startOfLocalDay(now)).count();
    const plate = normalisePlate(plateText);
    const car: LaneCar = laneCarSchema.parse({ id: crypto.randomUUID(), number: today + 1, arrivedAt: now.toISOString(), state: 'waiting', ...(plate ? { plate } : {}) });
    await laneTable(db).add(car);
    return car;
  });
}

/**
 * Keeps a car the server's queue called to this window (its id is the ticket's), so that a reload
 * resumes it and its case; a car kept already (with its case linked) stays as it is.
 */
export async function keepCalledCar(car: LaneCar, db: CounterDeskDb = getDb()): Promise<LaneCar> {
  return db.transaction('rw', laneTable(db), async () => {
    const kept = await getLaneCar(car.id, db);
    if (kept) return kept;
    const parsed = laneCarSchema.parse(car);
    await laneTable(db).add(parsed);
    return parsed;
  });
}

async function change(id: string, update: (car: LaneCar) => LaneCar, db: CounterDeskDb): Promise<LaneCar> {
  return db.transaction('rw', laneTable(db), async () => {
    const current = await getLaneCar(id, db);
    if (!current) throw new Error(`no car ${id} in the lane`);
    const next = laneCarSchema.parse(update(current));
    await laneTable(db).put(next);
    return next;
  });
}

/** The clerk takes the car into the flow (again, after a reload, when it was already in service). */
export function takeLaneCar(id: string, now: Date = new Date(), db: CounterDeskDb = getDb()): Promise<LaneCar> {
  return change(id, (car) => ({ ...car, state: 'in-service', takenAt: car.takenAt ?? now.toISOString() }), db);
}

/** Links the case saved for the car, so that a reload resumes with its documents, signature and receipt. */
export function linkLaneCase(id: string, caseId: string, db: CounterDeskDb = getDb()): Promise<LaneCar> {
  return change(id, (car) => ({ ...car, state: 'in-service', caseId }), db);
}

/** The receipt printed: the car leaves the lane. */
export function completeLaneCar(id: string, now: Date = new Date(), db: CounterDeskDb = getDb()): Promise<LaneCar> {
  return change(id, (car) => ({ ...car, state: 'done', leftAt: now.toISOString() }), db);
}

export function removeLaneCar(id: string, reason: LaneRemovalReason, now: Date = new Date(), db: CounterDeskDb = getDb()): Promise<LaneCar> {
  return change(id, (car) => ({ ...car, state: 'removed', removedReason: reason, leftAt: now.toISOString() }), db);
}
