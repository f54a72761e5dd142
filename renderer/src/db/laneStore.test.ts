import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CounterDeskDb } from './database';
import { addLaneCar, completeLaneCar, getLaneCar, linkLaneCase, listLaneCars, normalisePlate, removeLaneCar, takeLaneCar } from './laneStore';

let counter = 0;
const dbs: CounterDeskDb[] = [];
function freshDb(): CounterDeskDb {
  counter += 1;
  const db = new CounterDeskDb(`lane-test-${counter}-${Date.now()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const at = (hhmm: string) => new Date(`2026-11-27T${hhmm}:00+08:00`);

describe('laneStore', () => {
  it('numbers the day’s cars, keeps the plate upper-case and lists them first arrived first', async () => {
    const db = freshDb();
    const first = await addLaneCar('', at('09:00'), db);
    const second = await addLaneCar(' abc 1234 ', at('09:02'), db);
    expect(first).toMatchObject({ number: 1, state: 'waiting' });
    expect(first.plate).toBeUndefined();
    expect(second).toMatchObject({ number: 2, plate: 'ABC1234' });
    expect((await listLaneCars(db)).map((c) => c.id)).toEqual([first.id, second.id]);
  });

  it('follows a car from arrival to its printed receipt, and a removed car with its reason', async () => {
    const db = freshDb();
    const car = await addLaneCar('', at('09:00'), db);
    const other = await addLaneCar('', at('09:01'), db);
    await takeLaneCar(car.id, at('09:03'), db);
    await linkLaneCase(car.id, 'case-1', db);
    // Taking it again after a reload keeps the time it was first taken.
    await takeLaneCar(car.id, at('09:10'), db);
    expect(await getLaneCar(car.id, db)).toMatchObject({ state: 'in-service', caseId: 'case-1', takenAt: at('09:03').toISOString() });

    await completeLaneCar(car.id, at('09:12'), db);
    await removeLaneCar(other.id, 'sent-to-counter', at('09:13'), db);
    expect(await listLaneCars(db)).toEqual([]);
    expect(await getLaneCar(car.id, db)).toMatchObject({ state: 'done', leftAt: at('09:12').toISOString() });
    expect(await getLaneCar(other.id, db)).toMatchObject({ state: 'removed', removedReason: 'sent-to-counter' });

    // Cars that left still count for the day's numbering.
    expect((await addLaneCar('', at('09:20'), db)).number).toBe(3);
  });

  it('leaves out rows that do not parse instead of trusting them', async () => {
    const db = freshDb();
    const good = await addLaneCar('', at('09:00'), db);
    await db.table('laneCars').add({ id: 'broken', arrivedAt: at('09:01').toISOString(), state: 'parked' });
    expect((await listLaneCars(db)).map((c) => c.id)).toEqual([good.id]);
    expect(await getLaneCar('broken', db)).toBeUndefined();
    await expect(takeLaneCar('broken', at('09:05'), db)).rejects.toThrow(/no car/);
  });

  it('survives reopening the database', async () => {
    const db = freshDb();
    const car = await addLaneCar('kl-0001', at('09:00'), db);
    db.close();
    const reopened = new CounterDeskDb(db.name);
    dbs.push(reopened);
    expect(await listLaneCars(reopened)).toEqual([car]);
  });

  it('normalises plates', () => {
    expect(normalisePlate('  ')).toBeUndefined();
    expect(normalisePlate('ab c-12')).toBe('ABC-12');
  });
});
