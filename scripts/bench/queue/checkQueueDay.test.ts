import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadProblems, seriesProblems, storedProblems } from './checkQueueDay';
import type { StoredDay } from './checkQueueDay';
import type { TicketFact } from './loadPlan';

const facts = (numbers: string[]): TicketFact[] => numbers.map((number) => ({ id: randomUUID(), number, group: 'A' }));
const stored = (numbers: string[], last = numbers.length): StoredDay => ({
  tickets: numbers.map((number) => ({ id: randomUUID(), number, status: 'done', calls: 1 })),
  series: [{ group: 'A', last }],
});

describe("the queue bench's checks", () => {
  it('find nothing wrong with a sound day', () => {
    const issued = facts(['A001', 'A002', 'A003']);
    expect(loadProblems({ issued, called: [...issued].reverse(), displayed: ['A003', 'A001', 'A002'] }, 3)).toEqual([]);
    expect(storedProblems(stored(['A002', 'A001', 'A003']), 3)).toEqual([]);
  });

  it('report a gap or a repeat in a group\'s series, and a series that handed out more than was stored', () => {
    expect(seriesProblems(['A001', 'A003'], [{ group: 'A', last: 2 }])).toEqual(['group A: goes on after 1 at 3 (a gap or a repeat)']);
    expect(seriesProblems(['A002'], [{ group: 'A', last: 1 }])).toEqual(['group A: starts at 2 (a gap or a repeat)']);
    expect(seriesProblems(['A001', 'A002'], [{ group: 'A', last: 3 }])).toEqual(['group A: 2 tickets but its series handed out 3']);
    expect(seriesProblems(['A1-001'], [])).toEqual(['A1-001 is not a number of a server series']);
  });

  it('report a ticket called twice, one never called, and calls the display missed or showed twice', () => {
    const issued = facts(['A001', 'A002', 'A003']);
    const [first, second] = issued;
    if (!first || !second) throw new Error('no tickets');
    expect(loadProblems({ issued, called: [first, second, first], displayed: ['A001', 'A001'] }, 3)).toEqual([
      'tickets called twice: A001',
      'tickets never called: A003',
      'calls shown twice on the display: A001',
      'calls never shown on the display: A002',
    ]);
  });

  it('report numbers issued twice and a count short of the day', () => {
    const issued = facts(['A001', 'A001']);
    expect(loadProblems({ issued, called: issued, displayed: ['A001'] }, 3)).toEqual([
      'the kiosks were given 2 tickets, not 3',
      'numbers issued twice: A001',
    ]);
  });

  it('report stored tickets left waiting or called other than once', () => {
    const day = stored(['A001', 'A002', 'A003']);
    day.tickets[0] = { ...day.tickets[0], id: randomUUID(), number: 'A001', status: 'waiting', calls: 0 };
    day.tickets[1] = { ...day.tickets[1], id: randomUUID(), number: 'A002', status: 'done', calls: 2 };
    expect(storedProblems(day, 4)).toEqual([
      'the server stored 3 tickets of the day, not 4',
      'tickets left unfinished: A001 waiting',
      'tickets whose calls are not one: A001 ×0, A002 ×2',
    ]);
  });
});
