import { describe, expect, it } from 'vitest';
import { CAPTURE_RESERVE_BYTES, forgetQuotaRefusal, formatBytes, lastQuotaRefusal, rememberQuotaRefusal, storageBudget } from './storageBudget';

describe('storageBudget', () => {
  it('reports used and left space', () => {
    expect(storageBudget({ usage: 100 * 1024 ** 2, quota: 1024 ** 3 })).toMatchObject({ leftBytes: 924 * 1024 ** 2, low: false });
  });

  it('is low when less than the capture reserve is left, including a full disk', () => {
    expect(storageBudget({ usage: 0, quota: CAPTURE_RESERVE_BYTES - 1 })?.low).toBe(true);
    expect(storageBudget({ usage: 500, quota: 400 })).toMatchObject({ leftBytes: 0, usedFraction: 1, low: true });
  });

  it('warns after a refused write whatever the estimate says, until a write succeeds', () => {
    expect(storageBudget({ usage: 0, quota: 10 * 1024 ** 3 }, CAPTURE_RESERVE_BYTES, '2026-11-27T01:00:00.000Z')).toMatchObject({ low: true, refusedAt: '2026-11-27T01:00:00.000Z' });
    expect(lastQuotaRefusal()).toBeUndefined();
    rememberQuotaRefusal(new Date('2026-11-27T01:00:00.000Z'));
    expect(lastQuotaRefusal()).toBe('2026-11-27T01:00:00.000Z');
    forgetQuotaRefusal();
    expect(lastQuotaRefusal()).toBeUndefined();
  });

  it('is unknown without an estimate', () => {
    expect(storageBudget({})).toBeUndefined();
  });

  it('formats sizes for the meter', () => {
    expect(formatBytes(1536)).toBe('2 KB');
    expect(formatBytes(5 * 1024 ** 2)).toBe('5.0 MB');
  });
});
