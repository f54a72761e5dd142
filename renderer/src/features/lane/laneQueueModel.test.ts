import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../shared/schemas/ticketQueue';
import type { LaneCar } from '../../db/laneStore';
import { carOfTicket, listedCars, ticketSequence } from './laneQueueModel';

const car = (id: string, number: number, overrides: Partial<Ticket> = {}): Ticket => ({
  id,
  officeDay: '2026-12-07',
  number: `L${String(number).padStart(3, '0')}`,
  group: 'L',
  priority: null,
  source: 'lane',
  status: 'waiting',
  issuedAt: `2026-12-07T01:0${number}:00.000Z`,
  calledAt: null,
  finishedAt: null,
  counter: null,
  recalls: 0,
  plate: `ABC-000${number}`,
  caseId: null,
  ...overrides,
});

const ids = ['0190f0e0-0000-7000-8000-0000000000b1', '0190f0e0-0000-7000-8000-0000000000b2', '0190f0e0-0000-7000-8000-0000000000b3'] as const;

describe('the lane on the server’s queue', () => {
  it('numbers a car by its ticket and keeps what its case needs of the ticket', () => {
    expect(ticketSequence('L007')).toBe(7);
    const called = carOfTicket(car(ids[0], 1, { status: 'called', calledAt: '2026-12-07T01:05:00.000Z' }));
    expect(called).toEqual({
      id: ids[0],
      number: 1,
      plate: 'ABC-0001',
      arrivedAt: '2026-12-07T01:01:00.000Z',
      state: 'in-service',
      takenAt: '2026-12-07T01:05:00.000Z',
      ticket: { ticketId: ids[0], number: 'L001', issuedAt: '2026-12-07T01:01:00.000Z', calledAt: '2026-12-07T01:05:00.000Z' },
    });
    expect(carOfTicket(car(ids[1], 2)).ticket).toBeUndefined();
  });

  it('lists the server’s cars, this window’s own first as kept here, then the cars only this computer holds', () => {
    const mine = { ...carOfTicket(car(ids[0], 1, { status: 'called', calledAt: '2026-12-07T01:05:00.000Z' })), caseId: 'case-1' };
    const offline: LaneCar = { id: 'local-1', number: 1, arrivedAt: '2026-12-07T00:30:00.000Z', state: 'waiting' };
    const listed = listedCars([car(ids[0], 1, { status: 'called', calledAt: '2026-12-07T01:05:00.000Z' }), car(ids[1], 2, { status: 'called', calledAt: '2026-12-07T01:06:00.000Z' }), car(ids[2], 3)], [mine, offline]);
    expect(listed.map((c) => [c.id, c.source, c.mine, c.state])).toEqual([
      [ids[0], 'server', true, 'in-service'],
      [ids[1], 'server', false, 'in-service'],
      [ids[2], 'server', false, 'waiting'],
      ['local-1', 'local', true, 'waiting'],
    ]);
    expect(listed[0]?.caseId).toBe('case-1');
  });

  it('leaves out a car this window finished before the server hears, and keeps one the server no longer lists until its receipt', () => {
    const printed: LaneCar = { ...carOfTicket(car(ids[0], 1, { status: 'called', calledAt: '2026-12-07T01:05:00.000Z' })), state: 'done' };
    const signing: LaneCar = { ...carOfTicket(car(ids[1], 2, { status: 'called', calledAt: '2026-12-07T01:06:00.000Z' })), caseId: 'case-2' };
    const listed = listedCars([car(ids[0], 1, { status: 'called', calledAt: '2026-12-07T01:05:00.000Z' })], [printed, signing]);
    expect(listed.map((c) => [c.id, c.source, c.mine])).toEqual([[ids[1], 'server', true]]);
  });

  it('is this computer’s own list while the queue is away', () => {
    const offline: LaneCar = { id: 'local-1', number: 1, arrivedAt: '2026-12-07T00:30:00.000Z', state: 'waiting' };
    const gone: LaneCar = { id: 'local-2', number: 2, arrivedAt: '2026-12-07T00:31:00.000Z', state: 'removed', removedReason: 'left' };
    expect(listedCars(undefined, [offline, gone]).map((c) => [c.id, c.source])).toEqual([['local-1', 'local']]);
  });
});
