import { describe, expect, it } from 'vitest';
import type { DisplayCall, DisplaySnapshot } from '../../../../shared/schemas/ticketQueue';
import { emptyHall, LAST_CALLS_SHOWN, withCall, withSnapshot, withWaiting } from './hallState';

const call = (seq: number, number: string, counter: string, more: Partial<DisplayCall> = {}): DisplayCall => ({
  seq, number, group: 'A', counter, at: `2026-03-02T01:0${seq % 10}:00.000Z`, recall: false, priority: false, ...more,
});

const snapshot: DisplaySnapshot = {
  serving: [{ counter: '10號櫃台', number: 'A003', group: 'A' }, { counter: '2號櫃台', number: 'A004', group: 'A' }],
  lastCalls: [call(3, 'A003', '10號櫃台'), call(4, 'A004', '2號櫃台')],
  waiting: [{ group: 'A', count: 5 }, { group: 'B', count: 1 }],
};

describe('the hall display state', () => {
  it('takes a snapshot: counters in the order people count them, newest call first', () => {
    const hall = withSnapshot(snapshot);
    expect(hall.serving.map((s) => s.counter)).toEqual(['2號櫃台', '10號櫃台']);
    expect(hall.lastCalls.map((c) => c.seq)).toEqual([4, 3]);
    expect(hall.throughSeq).toBe(4);
  });

  it('takes a new call: the counter serves it, its group has one less waiting, and it is fresh', () => {
    const { state, fresh } = withCall(withSnapshot(snapshot), call(5, 'A006', '2號櫃台'));
    expect(fresh).toBe(true);
    expect(state.serving).toEqual([{ counter: '2號櫃台', number: 'A006', group: 'A' }, { counter: '10號櫃台', number: 'A003', group: 'A' }]);
    expect(state.lastCalls[0]?.number).toBe('A006');
    expect(state.waiting).toEqual([{ group: 'A', count: 4 }, { group: 'B', count: 1 }]);
  });

  it('a recall is chimed again but takes nobody from the queue', () => {
    const { state, fresh } = withCall(withSnapshot(snapshot), call(5, 'A004', '2號櫃台', { recall: true }));
    expect(fresh).toBe(true);
    expect(state.waiting).toEqual(snapshot.waiting);
  });

  it('ignores a call already taken into account (replayed after a reconnect, or older than the snapshot)', () => {
    const hall = withCall(withSnapshot(snapshot), call(5, 'A006', '3號櫃台')).state;
    expect(withCall(hall, call(5, 'A006', '3號櫃台'))).toEqual({ state: hall, fresh: false });
    expect(withCall(hall, call(2, 'A002', '3號櫃台'))).toEqual({ state: hall, fresh: false });
  });

  it('keeps the last calls to what fits on the screen, and takes waiting counts read again', () => {
    let hall = emptyHall;
    for (let seq = 1; seq <= LAST_CALLS_SHOWN + 3; seq += 1) hall = withCall(hall, call(seq, `A${String(seq).padStart(3, '0')}`, '1號櫃台')).state;
    expect(hall.lastCalls).toHaveLength(LAST_CALLS_SHOWN);
    expect(hall.lastCalls[0]?.seq).toBe(LAST_CALLS_SHOWN + 3);
    expect(withWaiting(hall, [{ group: 'C', count: 7 }]).waiting).toEqual([{ group: 'C', count: 7 }]);
  });
});
